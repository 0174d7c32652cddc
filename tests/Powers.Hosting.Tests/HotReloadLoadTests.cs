using System.Collections.Concurrent;
using System.Diagnostics;
using Powers.Compilation;
using Powers.Hosting.Loading;
using Powers.Hosting.Tests.TestSupport;
using Xunit.Abstractions;

namespace Powers.Hosting.Tests;

/// <summary>
/// Hot reload under load: several threads query while the rules directory is rewritten a hundred times,
/// broken versions included. Every answer must be exactly the old or the new library's answer.
/// </summary>
public sealed class HotReloadLoadTests(ITestOutputHelper output)
{
    private const int Threads = 4;
    private const int Iterations = 100;

    [Fact]
    public void Decide_RulesRewrittenHundredTimesUnderLoad_EveryAnswerIsOldOrNewNeverMixed()
    {
        // The two good variants differ in two files; a library built from one file of each would give a third
        // and a fourth answer, which the test tells apart from both.
        var variantA = Files(RulesDirectory.Original(RulesDirectory.ChainFile), RulesDirectory.Original(RulesDirectory.DesignationFile), RulesDirectory.Original(RulesDirectory.InForceFile));
        var variantB = Files(RulesDirectory.ChainB(), RulesDirectory.DesignationB(), RulesDirectory.Original(RulesDirectory.InForceFile));
        string answerA = ExpectedAnswer(variantA);
        string answerB = ExpectedAnswer(variantB);
        string mixAB = ExpectedAnswer(Files(variantA[0].Value, variantB[1].Value, variantA[2].Value));
        string mixBA = ExpectedAnswer(Files(variantB[0].Value, variantA[1].Value, variantA[2].Value));
        Assert.Equal(4, new[] { answerA, answerB, mixAB, mixBA }.Distinct().Count());
        var brokenUnknownFact = Files(variantB[0].Value, variantB[1].Value, RulesDirectory.InForceUnknownFact());
        var brokenTruncated = Files(variantA[0].Value, variantA[1].Value, RulesDirectory.InForceTruncated());

        using var rules = new RulesDirectory();
        using var host = new TestHost(o => { o.RulesDirectory = rules.Path; o.ReloadDelay = TimeSpan.FromMilliseconds(30); });
        Assert.Equal(answerA, host.Powers.Decide(RulesDirectory.Query).ToJson());

        var wrong = new ConcurrentQueue<string>();
        var exceptions = new ConcurrentQueue<Exception>();
        long queries = 0;
        long answersB = 0;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            try
            {
                var deadline = Stopwatch.StartNew();
                while (!stop.IsCancellationRequested && deadline.Elapsed < TimeSpan.FromMinutes(2))
                {
                    string answer = host.Powers.Decide(RulesDirectory.Query).ToJson();
                    Interlocked.Increment(ref queries);
                    if (answer == answerB)
                    {
                        Interlocked.Increment(ref answersB);
                    }
                    else if (answer != answerA)
                    {
                        wrong.Enqueue(answer);
                    }
                }
            }
            catch (Exception e)
            {
                exceptions.Enqueue(e);
            }
        })).ToList();
        readers.ForEach(t => t.Start());

        var clock = Stopwatch.StartNew();
        var random = new Random(20250101);
        int broken = 0;
        int settled = 0;
        for (int i = 0; i < Iterations; i++)
        {
            var variant = (i % 4) switch
            {
                0 => variantB,
                1 => brokenUnknownFact,
                2 => variantA,
                _ => brokenTruncated,
            };
            broken += i % 2;
            foreach (var (path, text) in variant)
            {
                rules.Write(path, text);
            }

            if (i % 5 == 4)
            {
                // Every fifth rewrite is left to settle, so that good versions are swapped in and broken ones reported.
                string hash = LibrarySource.FromDirectory(rules.Path).Read().Sha256;
                Assert.True(TestHost.WaitUntil(() => host.Powers.Current.Sha256 == hash || host.Powers.LastReloadFailure?.Sha256 == hash, TimeSpan.FromSeconds(30)), "rewrite " + i + " never settled");
                settled++;
            }
            else
            {
                Thread.Sleep(random.Next(0, 60));
            }
        }

        // The last word is a good library, then a broken one: the good one must be served and stay served.
        Write(rules, variantB);
        string hashB = LibrarySource.FromDirectory(rules.Path).Read().Sha256;
        Assert.True(TestHost.WaitUntil(() => host.Powers.Current.Sha256 == hashB, TimeSpan.FromSeconds(30)), "variant B was never swapped in");
        Write(rules, brokenUnknownFact);
        string hashBroken = LibrarySource.FromDirectory(rules.Path).Read().Sha256;
        Assert.True(TestHost.WaitUntil(() => host.Powers.LastReloadFailure?.Sha256 == hashBroken, TimeSpan.FromSeconds(30)), "the broken library was never reported");
        Assert.Equal(hashB, host.Powers.Current.Sha256);
        Assert.Equal(answerB, host.Powers.Decide(RulesDirectory.Query).ToJson());
        var elapsed = clock.Elapsed;

        stop.Cancel();
        readers.ForEach(t => t.Join());
        var reloads = host.Logs.WithEvent(1010).Select(e => e.Message).ToList();
        output.WriteLine($"{Threads} threads, {Iterations} rewrites ({broken} broken, {settled} left to settle) in {elapsed.TotalSeconds:F1} s: {queries} queries ({answersB} answered by B), " +
            $"{host.Powers.Current.Generation - 1} swaps, {host.Service.Compilations} compilations, {host.Logs.WithEvent(1011).Count} failed reloads, {host.Logs.WithEvent(1013).Count} torn reads discarded");
        reloads.ForEach(output.WriteLine);
        Assert.Empty(exceptions);
        Assert.Empty(wrong);
        Assert.True(host.Powers.Current.Generation > 10, "too few swaps to prove anything: " + host.Powers.Current.Generation);
        Assert.True(host.Logs.WithEvent(1011).Count >= 10, "too few failed reloads to prove anything");
        Assert.True(answersB > 0, "no answer came from variant B");
    }

    private static KeyValuePair<string, string>[] Files(string chain, string designation, string inForce) =>
    [
        new(RulesDirectory.ChainFile, chain),
        new(RulesDirectory.DesignationFile, designation),
        new(RulesDirectory.InForceFile, inForce),
    ];

    private static void Write(RulesDirectory rules, KeyValuePair<string, string>[] files)
    {
        foreach (var (path, text) in files)
        {
            rules.Write(path, text);
        }
    }

    private static string ExpectedAnswer(KeyValuePair<string, string>[] files)
    {
        using var rules = new RulesDirectory();
        Write(rules, files);
        var library = LibraryCompiler.CompileDirectory(rules.Path).ThrowIfFailed();
        var decision = new PowersEngine(library).Decide(RulesDirectory.Query).Decision!;
        return Powers.Decisions.DecisionJsonWriter.ToJson(decision, Powers.Decisions.DecisionDetail.Full, null, indented: false);
    }
}
