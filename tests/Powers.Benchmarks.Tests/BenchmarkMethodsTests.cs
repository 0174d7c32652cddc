using System.Reflection;
using BenchmarkDotNet.Attributes;
using Powers.Benchmarks;

namespace Powers.Benchmarks.Tests;

/// <summary>Calls every benchmark method once, with every parameter value, after its checked setup (Parlot's habit).</summary>
[Collection(AloneInTheProcess.Name)]
public class BenchmarkMethodsTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in BenchmarkTypes())
        {
            foreach (string value in ParameterValues(type))
            {
                data.Add(type.Name, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryBenchmark_RunsOnce_AfterItsSetupChecksIt(string type, string parameter)
    {
        var benchmarkType = BenchmarkTypes().Single(t => t.Name == type);
        object instance = Activator.CreateInstance(benchmarkType)!;
        if (ParamsProperty(benchmarkType) is { } property)
        {
            property.SetValue(instance, parameter);
        }

        Invoke<GlobalSetupAttribute>(instance);
        var methods = benchmarkType.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).ToList();
        Assert.NotEmpty(methods);
        foreach (var method in methods)
        {
            method.Invoke(instance, null);
        }

        Invoke<GlobalCleanupAttribute>(instance);
    }

    [Fact]
    public void BenchmarkClasses_AreAllFound()
    {
        var names = BenchmarkTypes().Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["AnalysisBenchmarks", "BatchBenchmarks", "DecisionBenchmarks", "FrontDoorBenchmarks", "LanguageServerBenchmarks", "LoadBenchmarks", "QueryParsingBenchmarks", "ResidualBenchmarks"], names);
    }

    private static IEnumerable<Type> BenchmarkTypes() =>
        typeof(BenchmarkData).Assembly.GetTypes().Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null));

    private static PropertyInfo? ParamsProperty(Type type) =>
        type.GetProperties().SingleOrDefault(p => p.GetCustomAttribute<ParamsSourceAttribute>() is not null);

    private static IEnumerable<string> ParameterValues(Type type)
    {
        if (ParamsProperty(type)?.GetCustomAttribute<ParamsSourceAttribute>() is not { } source)
        {
            return [string.Empty];
        }

        return (IEnumerable<string>)type.GetProperty(source.Name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    private static void Invoke<TAttribute>(object instance)
        where TAttribute : Attribute
    {
        foreach (var method in instance.GetType().GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }
}
