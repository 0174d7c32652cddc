using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests.Records;

public sealed class LoggingDecisionRecordSinkTests
{
    [Fact]
    public void Write_RecordsOnWithoutPath_LogsTheRecordAsJson()
    {
        using var host = new TestHost(o => o.RecordDecisions = true);

        var answer = host.Powers.Decide(RulesDirectory.Query);

        var entry = Assert.Single(host.Logs.WithEvent(1100));
        Assert.Equal("DecisionRecorded", entry.EventId.Name);
        Assert.Equal(typeof(LoggingDecisionRecordSink).FullName, entry.Category);
        Assert.StartsWith("Decision " + answer.DecisionId + ": {\"decisionId\":\"" + answer.DecisionId + "\"", entry.Message, StringComparison.Ordinal);
    }
}
