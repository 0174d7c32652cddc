using BenchmarkDotNet.Running;
using Powers.Benchmarks;
using Powers.TestSupport;

// dotnet run -c Release --project bench/Powers.Benchmarks -- [--quick] [BenchmarkDotNet arguments]
// dotnet run -c Release --project bench/Powers.Benchmarks -- ndjson COUNT FILE   (generates queries for the CLI)
if (args.Length == 3 && args[0] == "ndjson")
{
    using var writer = new StreamWriter(args[2], append: false, new System.Text.UTF8Encoding(false), 1 << 16);
    NdjsonGenerator.Write(BenchmarkData.Library, writer, int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), seed: 1);
    return 0;
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
