using BenchmarkDotNet.Running;
using Powers.Benchmarks;
using Powers.TestSupport;

// dotnet run -c Release --project bench/Powers.Benchmarks -- [--quick] [BenchmarkDotNet arguments]
// dotnet run -c Release --project bench/Powers.Benchmarks -- ndjson COUNT FILE   (generates queries for the CLI)
// dotnet run -c Release --project bench/Powers.Benchmarks -- ndjson-adhoc COUNT FILE   (the same with ad-hoc designations)
// dotnet run -c Release --project bench/Powers.Benchmarks -- rulesengine-ndjson FILE   (RulesEngine over the file, outcomes to stdout)
// dotnet run -c Release --project bench/Powers.Benchmarks -- tokenize FILE   (System.Text.Json's reader alone over the file's lines)
// dotnet run -c Release --project bench/Powers.Benchmarks -- decide-loop SCENARIO bare|explained COUNT   (CPU time a decision, compiled program; comparing builds under load)
// dotnet run -c Release --project bench/Powers.Benchmarks -- records-load SECONDS CALLERS [WARMUP]   (PostgreSQL records under load; bench/records-load.sh)
if (args.Length == 3 && args[0] is "ndjson" or "ndjson-adhoc")
{
    using var writer = new StreamWriter(args[2], append: false, new System.Text.UTF8Encoding(false), 1 << 16);
    int count = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
    if (args[0] == "ndjson")
    {
        NdjsonGenerator.Write(BenchmarkData.Library, writer, count, seed: 1);
    }
    else
    {
        AdHocNdjsonGenerator.Write(BenchmarkData.Library, writer, count, seed: 1);
    }

    return 0;
}

if (args.Length == 2 && args[0] == "rulesengine-ndjson")
{
    using var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
    return RulesEngineNdjson.Run(BenchmarkData.Library, args[1], output) > 0 ? 2 : 0;
}

if (args.Length == 2 && args[0] == "tokenize")
{
    var (lines, tokens) = NdjsonTokenizer.Run(args[1]);
    Console.WriteLine(lines.ToString(System.Globalization.CultureInfo.InvariantCulture) + " lines, " + tokens.ToString(System.Globalization.CultureInfo.InvariantCulture) + " tokens");
    return 0;
}

if (args.Length == 4 && args[0] == "decide-loop")
{
    return DecideLoop.Run(args[1], args[2], long.TryParse(args[3], System.Globalization.CultureInfo.InvariantCulture, out long count) ? count : 0, Console.Out);
}

if (args.Length is 3 or 4 && args[0] == "records-load")
{
    string connection = Environment.GetEnvironmentVariable("POWERS_TEST_POSTGRES") ?? throw new InvalidOperationException("set POWERS_TEST_POSTGRES (source .ci/postgres.sh && powers_postgres_start)");
    int seconds = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
    int callers = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
    int warmUp = args.Length == 4 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : Math.Min(5, Math.Max(1, seconds / 4));
    return await RecordsLoad.RunAsync(connection, seconds, callers, warmUp, Console.Out);
}

bool quick = args.Contains("--quick") || Environment.GetEnvironmentVariable("POWERS_BENCH_QUICK") == "1";
var rest = args.Where(a => a != "--quick").ToList();
if (!rest.Contains("--filter"))
{
    rest.AddRange(["--filter", "*"]);
}

var switcher = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly);
var summaries = quick ? switcher.Run([.. rest], QuickConfig.Create()) : switcher.Run([.. rest]);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
