using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Powers.Compilation;
using Powers.ControlRoom;
using Powers.Hosting.Tests.TestSupport;
using Xunit.Abstractions;

namespace Powers.Hosting.Tests.Samples;

/// <summary>
/// The control-room sample over loopback, soaked: 4 clients query for 30 s (POWERS_SOAK_SECONDS for longer) while
/// the rules are rewritten every 200 ms, broken versions included, with decision records on. Every answer must be
/// a 200 with exactly the old or the new library's decision, and every acknowledged decision must be on disk.
/// </summary>
public sealed class ControlRoomSoakTests(ITestOutputHelper output)
{
    private const int Clients = 4;
    private static readonly TimeSpan RewriteEvery = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task PostDecide_RulesRewrittenEvery200MsWithRecordsOn_NoErrorNoTornAnswerNothingAcknowledgedUnrecorded()
    {
        var duration = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("POWERS_SOAK_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) && seconds > 0 ? seconds : 30);
        string chainA = RulesDirectory.Original(RulesDirectory.ChainFile);
        string chainB = RulesDirectory.ChainB();
        string answerA = ExpectedAnswer(chainA);
        string answerB = ExpectedAnswer(chainB);
        Assert.NotEqual(answerA, answerB);
        string inForce = RulesDirectory.Original(RulesDirectory.InForceFile);
        string inForceBroken = RulesDirectory.InForceUnknownFact();

        using var rules = new RulesDirectory();
        string records = Path.Combine(rules.Path, "..", Path.GetFileName(rules.Path) + "-decisions.ndjson");
        await using var app = ControlRoomApp.Build(
        [
            "--ControlRoom:Port=0", "--Logging:LogLevel:Default=Warning", "--Powers:RulesDirectory=" + rules.Path,
            "--Powers:ReloadDelay=00:00:00.050", "--Powers:RecordDecisions=true", "--Powers:DecisionRecordsPath=" + records,
        ]);
        await app.StartAsync();
        string address = Assert.Single(app.Urls);
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);

        var acknowledged = new ConcurrentBag<string>();
        var errors = new ConcurrentQueue<string>();
        var torn = new ConcurrentQueue<string>();
        long answersB = 0;
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await client.PostAsync(new Uri("/decide", UriKind.Relative), new StringContent(RulesDirectory.Query, Encoding.UTF8, "application/json"));
                    string body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        errors.Enqueue((int)response.StatusCode + " " + body);
                        continue;
                    }

                    acknowledged.Add(Assert.Single(response.Headers.GetValues("X-Decision-Id")));
                    if (body == answerB)
                    {
                        Interlocked.Increment(ref answersB);
                    }
                    else if (body != answerA)
                    {
                        torn.Enqueue(body);
                    }
                }
                catch (HttpRequestException e)
                {
                    errors.Enqueue(e.Message);
                }
            }
        })).ToList();

        var clock = Stopwatch.StartNew();
        int rewrites = 0;
        while (clock.Elapsed < duration)
        {
            // A, B, B with a broken file (reported, never served), A, ...: each rewrite is two files, not atomic.
            int step = rewrites % 3;
            rules.Write(RulesDirectory.ChainFile, step == 0 ? chainB : chainA);
            rules.Write(RulesDirectory.InForceFile, step == 1 ? inForceBroken : inForce);
            rewrites++;
            await Task.Delay(RewriteEvery);
        }

        await stop.CancelAsync();
        await Task.WhenAll(clients);
        var service = (IPowersService)app.Services.GetService(typeof(IPowersService))!;
        int generation = service.Current.Generation;
        await app.StopAsync();
        await app.DisposeAsync();

        var recorded = File.ReadLines(records).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("decisionId").GetString()!).ToHashSet(StringComparer.Ordinal);
        var unrecorded = acknowledged.Where(id => !recorded.Contains(id)).ToList();
        output.WriteLine($"{Clients} clients, {duration.TotalSeconds:F0} s, {rewrites} rewrites every {RewriteEvery.TotalMilliseconds} ms: {acknowledged.Count} decisions ({answersB} by B), " +
            $"{errors.Count} errors, {torn.Count} torn answers, {recorded.Count} records, {unrecorded.Count} acknowledged but unrecorded, {generation - 1} swaps");
        Assert.Empty(errors);
        Assert.Empty(torn);
        Assert.Empty(unrecorded);
        Assert.True(answersB > 0 && answersB < acknowledged.Count, "the soak never served both libraries");
        File.Delete(records);
    }

    private static string ExpectedAnswer(string chain)
    {
        using var rules = new RulesDirectory();
        rules.Write(RulesDirectory.ChainFile, chain);
        var library = LibraryCompiler.CompileDirectory(rules.Path).ThrowIfFailed();
        var decision = new PowersEngine(library).Decide(RulesDirectory.Query).Decision!;
        return Powers.Decisions.DecisionJsonWriter.ToJson(decision, Powers.Decisions.DecisionDetail.Full, null, indented: false);
    }
}
