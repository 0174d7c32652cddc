using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests.Records;

public sealed class DecisionRecordTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 22, 16, 30, 0, TimeSpan.Zero);

    [Fact]
    public void ToJson_Decision_HasIdTimeRuleSetDesignationFactsAndOutcomes()
    {
        var sink = new ListSink();
        using var host = RecordingHost(sink);

        var answer = host.Powers.Decide("""
            { "date": "2013-03-01", "designation": "met-2002-security",
              "facts": { "inUniform": true, "cordonAgeDays": 3, "terrorismAuthorisation": "s47a", "searchOf": null } }
            """);

        var record = Assert.Single(sink.Records);
        var version = answer.Decision!.Version!;
        string expected = "{\"decisionId\":\"" + answer.DecisionId + "\",\"time\":\"2025-11-22T16:30:00.0000000Z\","
            + "\"ruleset\":{\"id\":\"pra2002-sch4\",\"version\":\"2012-07-10\",\"revision\":" + version.Revision + ",\"sha256\":\"" + version.Sha256 + "\"},"
            + "\"librarySha256\":\"" + answer.Snapshot.Sha256 + "\",\"date\":\"2013-03-01\",\"designation\":\"met-2002-security\","
            + "\"facts\":{\"inUniform\":true,\"cordonAgeDays\":3,\"terrorismAuthorisation\":\"s47a\"},";
        Assert.StartsWith(expected, record.ToJson(), StringComparison.Ordinal);
        // The query as given, on one line: the fact given as unknown (null) too.
        Assert.Contains(",\"query\":{\"date\":\"2013-03-01\",\"designation\":\"met-2002-security\",\"facts\":{\"inUniform\":true,\"cordonAgeDays\":3,\"terrorismAuthorisation\":\"s47a\",\"searchOf\":null}},\"outcomes\":{", record.ToJson(), StringComparison.Ordinal);
        // The powers whose outcome rests on a low-confidence reading, as the decision says.
        string low = string.Join(",", answer.Decision.Powers.Where(p => p.Confidence == Powers.Model.Confidence.Low).Select(p => "\"" + p.Power + "\""));
        Assert.NotEqual(string.Empty, low);
        // Every power in catalogue order (54 since issue 19: the 52 catalogue rows and para. 7E): check two of them, not which comes last.
        Assert.Contains(",\"stop-search-authorised-area\":\"undetermined\",", record.ToJson(), StringComparison.Ordinal);
        Assert.Contains(",\"require-name-and-address-anti-social\":\"undetermined\",", record.ToJson(), StringComparison.Ordinal);
        Assert.EndsWith("},\"lowConfidence\":[" + low + "]}", record.ToJson(), StringComparison.Ordinal);
        Assert.Equal(answer.DecisionId, record.DecisionId);
        Assert.Equal(Now, record.Time);
    }

    [Fact]
    public void ToJson_AdHocDesignation_WritesForceAndPowers()
    {
        var sink = new ListSink();
        using var host = RecordingHost(sink);

        host.Powers.Decide("""{"date":"2013-03-01","designation":{"force":"kent","powers":["road-check","cordon"]},"facts":{}}""");

        Assert.Contains("\"designation\":{\"force\":\"kent\",\"powers\":[\"cordon\",\"road-check\"]},\"facts\":{}", Assert.Single(sink.Records).ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void SerializeBody_TwoRecordsOnOneThread_EachWholeWithItsFactsObjectInPlace()
    {
        var sink = new ListSink();
        using var host = RecordingHost(sink);
        host.Powers.Decide("""{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"cordonAgeDays":3,"searchOf":null}}""");
        host.Powers.Decide("""{"date":"2013-03-01","designation":{"force":"kent","powers":["road-check","cordon"]},"facts":{}}""");
        var first = sink.Records[0];
        var second = sink.Records[1];

        // The second record is written in the buffer the first was: the first's bytes are its own copy.
        byte[] firstBody = DecisionRecordJson.SerializeBody(first, out var firstFacts);
        byte[] secondBody = DecisionRecordJson.SerializeBody(second, out var secondFacts);

        Assert.Equal(first.ToJson(), System.Text.Encoding.UTF8.GetString(firstBody) + "}");
        Assert.Equal(second.ToJson(), System.Text.Encoding.UTF8.GetString(secondBody) + "}");
        Assert.Equal("""{"inUniform":true,"cordonAgeDays":3}""", System.Text.Encoding.UTF8.GetString(firstBody.AsSpan(firstFacts)));
        Assert.Equal("{}", System.Text.Encoding.UTF8.GetString(secondBody.AsSpan(secondFacts)));
    }

    [Fact]
    public void ToReplayQueryJson_DecidedAgain_GivesTheSameDecision()
    {
        var sink = new ListSink();
        using var host = RecordingHost(sink);
        var first = host.Powers.Decide(RulesDirectory.Query);

        var replay = host.Powers.Decide(Assert.Single(sink.Records).ToReplayQueryJson());

        Assert.Equal(first.ToJson(), replay.ToJson());
        Assert.StartsWith("""{"ruleset":"pra2002-sch4@2012-07-10","date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,""", sink.Records[0].ToReplayQueryJson(), StringComparison.Ordinal);
    }

    [Theory]
    // Made before 15 Dec 2017 and decided after: SI 2017/1139's transitional rules keep reasonable force to detain.
    [InlineData("""{"date":"2018-03-01","designation":{"force":"kent","powers":["detain-pending-constable","reasonable-force-to-detain"],"made":"2016-01-01"},"facts":{"inUniform":true}}""")]
    // A restriction (PRA s.38(7)) that denies name and address while the person makes off.
    [InlineData("""{"date":"2013-03-01","designation":{"force":"kent","powers":["require-name-and-address"],"restrictions":[{"id":"calm","when":"not personMakingOff","text":"Only while the person stays.","powers":["require-name-and-address"]}]},"facts":{"inUniform":true,"inPoliceArea":true,"suspectedConduct":"relevant-offence","personMakingOff":true}}""")]
    public void ToReplayQueryJson_AdHocDesignationAsGiven_GivesTheSameDecision(string query)
    {
        var sink = new ListSink();
        using var host = RecordingHost(sink);
        var first = host.Powers.Decide(query);

        var replay = host.Powers.Decide(Assert.Single(sink.Records).ToReplayQueryJson());

        Assert.Equal(first.ToJson(), replay.ToJson());
    }

    [Fact]
    public void Decide_RecordsOff_WritesNothing()
    {
        var sink = new ListSink();
        using var host = new TestHost(_ => { }, s => s.AddSingleton<IDecisionRecordSink>(sink));

        host.Powers.Decide(RulesDirectory.Query);

        Assert.Empty(sink.Records);
    }

    [Fact]
    public void Decide_BadQuery_RecordsNothing()
    {
        var sink = new ListSink();
        using var host = RecordingHost(sink);

        host.Powers.Decide("""{"date":"2013-02-30","designation":"met-2002-security"}""");

        Assert.Empty(sink.Records);
    }

    [Fact]
    public void Decide_SinkThrows_DecisionWithheldAndFailureLogged()
    {
        using var host = new TestHost(o => o.RecordDecisions = true, s => s.AddPowers().AddDecisionRecordSink<ThrowingSink>());

        var e = Assert.Throws<DecisionNotRecordedException>(() => host.Powers.Decide(RulesDirectory.Query));

        Assert.Equal("Decision " + e.DecisionId + " was not recorded by ThrowingSink, so it is withheld: disk full", e.Message);
        var logged = Assert.Single(host.Logs.WithEvent(1101));
        Assert.Equal("Decision " + e.DecisionId + " was not recorded by ThrowingSink, so it is withheld: disk full", logged.Message);
    }

    [Fact]
    public void Decide_SinkReportsNotRecorded_DecisionWithheld()
    {
        using var host = new TestHost(o => o.RecordDecisions = true, s => s.AddPowers().AddDecisionRecordSink<RefusingSink>());

        var e = Assert.Throws<DecisionNotRecordedException>(() => host.Powers.Decide(RulesDirectory.Query));

        Assert.Equal("refusing", e.Sink);
        Assert.Equal("the batch was rolled back", e.Reason);
    }

    private static TestHost RecordingHost(ListSink sink) => new(
        o => o.RecordDecisions = true,
        s =>
        {
            s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
            s.AddSingleton<IDecisionRecordSink>(sink);
        });

    internal sealed class ListSink : IDecisionRecordSink
    {
        public List<DecisionRecord> Records { get; } = [];

        public DecisionRecordWriteResult Write(DecisionRecord record)
        {
            lock (Records)
            {
                Records.Add(record);
            }

            return DecisionRecordWriteResult.Recorded;
        }
    }

    internal sealed class ThrowingSink : IDecisionRecordSink
    {
        public DecisionRecordWriteResult Write(DecisionRecord record) => throw new IOException("disk full");
    }

    internal sealed class RefusingSink : IDecisionRecordSink
    {
        public string Name => "refusing";

        public DecisionRecordWriteResult Write(DecisionRecord record) => DecisionRecordWriteResult.NotRecorded("the batch was rolled back");
    }
}
