using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests.Records;

/// <summary>
/// <see cref="IPowersService.DecideAsync(string, CancellationToken)"/> awaits the record instead of blocking on it,
/// and keeps the guarantee of the synchronous path: no answer without a record.
/// </summary>
public sealed class DecideAsyncTests
{
    [Fact]
    public async Task DecideAsync_SinkStillStoring_AnswerWaitsForTheRecord()
    {
        var sink = new GateSink();
        using var host = Host(sink);

        var pending = host.Powers.DecideAsync(RulesDirectory.Query);
        var record = await sink.Received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        bool answeredBeforeStored = pending.IsCompleted;
        sink.Complete(DecisionRecordWriteResult.Recorded);
        var answer = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(answeredBeforeStored);
        Assert.True(answer.Succeeded);
        Assert.Equal(record.DecisionId, answer.DecisionId);
    }

    [Fact]
    public async Task DecideAsync_SinkReportsNotRecorded_ThrowsAndLogsLikeTheSynchronousPath()
    {
        var sink = new GateSink();
        using var host = Host(sink);

        var pending = host.Powers.DecideAsync(RulesDirectory.Query);
        await sink.Received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        sink.Complete(DecisionRecordWriteResult.NotRecorded("the batch was rolled back"));
        var e = await Assert.ThrowsAsync<DecisionNotRecordedException>(() => pending.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal("gate", e.Sink);
        Assert.Equal("Decision " + e.DecisionId + " was not recorded by gate, so it is withheld: the batch was rolled back", e.Message);
        Assert.Single(host.Logs.WithEvent(1101));
    }

    [Fact]
    public async Task DecideAsync_SinkThrows_DecisionWithheld()
    {
        var sink = new GateSink();
        using var host = Host(sink);

        var pending = host.Powers.DecideAsync(RulesDirectory.Query);
        await sink.Received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        sink.Fail(new IOException("disk full"));
        var e = await Assert.ThrowsAsync<DecisionNotRecordedException>(() => pending.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal("disk full", e.Reason);
    }

    [Fact]
    public async Task DecideAsync_CancelledWhileTheRecordIsStored_ThrowsAndGivesNoAnswer()
    {
        var sink = new GateSink();
        using var host = Host(sink);
        using var cancel = new CancellationTokenSource();

        var pending = host.Powers.DecideAsync(RulesDirectory.Query, cancel.Token);
        await sink.Received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task DecideAsync_AlreadyCancelled_DecidesNothing()
    {
        var sink = new GateSink();
        using var host = Host(sink);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Powers.DecideAsync(RulesDirectory.Query, new CancellationToken(canceled: true)));

        Assert.False(sink.Received.Task.IsCompleted);
    }

    [Fact]
    public async Task DecideAsync_SinkWithOnlyWrite_RecordsThroughWrite()
    {
        var sink = new DecisionRecordTests.ListSink();
        using var host = Host(sink);

        var answer = await host.Powers.DecideAsync(System.Text.Encoding.UTF8.GetBytes(RulesDirectory.Query));

        Assert.Equal(answer.DecisionId, Assert.Single(sink.Records).DecisionId);
    }

    [Fact]
    public async Task DecideAsync_BadQuery_AnswersErrorsAndRecordsNothing()
    {
        var sink = new GateSink();
        using var host = Host(sink);

        var answer = await host.Powers.DecideAsync("""{"date":"2013-03-01"}""");

        Assert.False(answer.Succeeded);
        Assert.NotEmpty(answer.Errors);
        Assert.False(sink.Received.Task.IsCompleted);
    }

    [Fact]
    public async Task DecideAsync_ManyCallersOnTheNdjsonFile_EachRecordIsOnDiskWhenItsAnswerComes()
    {
        string directory = Directory.CreateTempSubdirectory("powers-async-").FullName;
        string path = Path.Combine(directory, "decisions.ndjson");
        try
        {
            using var host = new TestHost(o =>
            {
                o.RecordDecisions = true;
                o.DecisionRecordsPath = path;
            });

            var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
            {
                var answer = await host.Powers.DecideAsync(RulesDirectory.Query);
                return (answer.DecisionId, RecordedThen: ReadIds(path).Contains(answer.DecisionId));
            })));

            Assert.All(answers, a => Assert.True(a.RecordedThen, a.DecisionId + " was answered before its line was in the file"));
            Assert.Equal(answers.Select(a => a.DecisionId).Order(StringComparer.Ordinal), ReadIds(path).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task DecideAsync_RecordsDiskFull_ThrowsNamingTheFile()
    {
        using var disk = TmpfsMount.Create(64 * 1024);
        disk.Fill();
        string path = Path.Combine(disk.Path, "decisions.ndjson");
        using var host = new TestHost(o =>
        {
            o.RecordDecisions = true;
            o.DecisionRecordsPath = path;
        });

        var e = await Assert.ThrowsAsync<DecisionNotRecordedException>(() => host.Powers.DecideAsync(RulesDirectory.Query));

        Assert.StartsWith("Decision " + e.DecisionId + " was not recorded by NdjsonFileDecisionRecordSink, so it is withheld: cannot append to '" + path + "': ", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The ids of the whole lines in the file. Other callers may be appending while it is read, so a last line
    /// without its line break is someone's record still being written, and is left out.
    /// </summary>
    private static List<string> ReadIds(string path)
    {
        string text;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream))
        {
            text = reader.ReadToEnd();
        }

        var ids = new List<string>();
        int start = 0;
        for (int end = text.IndexOf('\n', StringComparison.Ordinal); end >= 0; end = text.IndexOf('\n', start))
        {
            ids.Add(JsonDocument.Parse(text.AsMemory(start, end - start)).RootElement.GetProperty("decisionId").GetString()!);
            start = end + 1;
        }

        return ids;
    }

    private static TestHost Host(IDecisionRecordSink sink) => new(o => o.RecordDecisions = true, s => s.AddSingleton(sink));

    /// <summary>A sink that holds each record until the test says how its storing ended.</summary>
    private sealed class GateSink : IDecisionRecordSink
    {
        private readonly TaskCompletionSource<DecisionRecordWriteResult> _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "gate";

        public TaskCompletionSource<DecisionRecord> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DecisionRecordWriteResult Write(DecisionRecord record) => throw new InvalidOperationException("DecideAsync must use WriteAsync");

        public ValueTask<DecisionRecordWriteResult> WriteAsync(DecisionRecord record, CancellationToken cancellationToken)
        {
            Received.TrySetResult(record);
            return new ValueTask<DecisionRecordWriteResult>(_stored.Task.WaitAsync(cancellationToken));
        }

        public void Complete(DecisionRecordWriteResult result) => _stored.TrySetResult(result);

        public void Fail(Exception e) => _stored.TrySetException(e);
    }
}
