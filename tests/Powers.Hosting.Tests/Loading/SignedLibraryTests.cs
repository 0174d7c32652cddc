using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Powers.Compilation;
using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests.Loading;

/// <summary>Powers:TrustedKeys: a host serves only a library signed by a trusted key, file for file.</summary>
public sealed class SignedLibraryTests : IDisposable
{
    private readonly RulesDirectory _rules = new();
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _public;

    public SignedLibraryTests()
    {
        _public = Path.Combine(Path.GetTempPath(), "powers-trusted-" + Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(_public, _key.ExportSubjectPublicKeyInfoPem());
    }

    [Fact]
    public void Current_SignedLibraryAndItsKeyTrusted_ServedAndTheKeyLogged()
    {
        string kid = LibrarySignature.Sign(_rules.Path, _key);
        using var host = Host();

        Assert.Equal(1, host.Powers.Current.Generation);
        var verified = Assert.Single(host.Logs.WithEvent(1005));
        Assert.Equal("Rule library " + _rules.Path + " verified: every file matches its manifest, signed with trusted key " + kid, verified.Message);
        Assert.Empty(host.Logs.WithEvent(1004));
    }

    [Fact]
    public void Current_OneByteChangedAfterSigning_StartUpRefusedNamingTheFile()
    {
        LibrarySignature.Sign(_rules.Path, _key);
        _rules.Write(RulesDirectory.InForceFile, RulesDirectory.Original(RulesDirectory.InForceFile) + " ");
        using var host = Host();

        var e = Assert.Throws<RuleCompilationException>(() => host.Powers.Current);
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("PWR0025", d.Id);
        Assert.StartsWith("'" + RulesDirectory.InForceFile + "' was changed after signing: ", d.Message, StringComparison.Ordinal);
        Assert.Single(host.Logs.WithEvent(1006));
    }

    [Fact]
    public void Current_UnsignedLibraryWithATrustedKey_StartUpRefused()
    {
        using var host = Host();
        var e = Assert.Throws<RuleCompilationException>(() => host.Powers.Current);
        Assert.Equal(["PWR0020", "PWR0020"], e.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task Reload_FileChangedAfterSigning_LastGoodKeptDegradedAndCounted()
    {
        LibrarySignature.Sign(_rules.Path, _key);
        using var host = Host(s => s.AddPowers().AddHealthCheck());
        using var metrics = new MetricRecorder(host.Provider);
        string good = host.Powers.Current.Sha256;
        _rules.Write(RulesDirectory.DesignationFile, RulesDirectory.DesignationB());

        Assert.False(await host.Powers.ReloadAsync());

        Assert.Equal(good, host.Powers.Current.Sha256);
        Assert.Equal(1, host.Powers.Current.Generation);
        var failure = host.Powers.LastReloadFailure!;
        Assert.StartsWith("the library's signature does not verify (1 problem(s)); the first: " + _rules.Path + "/" + RulesDirectory.DesignationFile + "(1,1): error PWR0025: ", failure.Message, StringComparison.Ordinal);
        var entry = (await host.Provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["powers"];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal(failure.Message, entry.Data["lastReloadError"]);
        Assert.Equal(1, metrics.Sum("powers.reloads", ("powers.reload.result", "rejected")));
        Assert.Equal(1, metrics.Sum("powers.reload.failures"));
        Assert.Single(host.Logs.WithEvent(1018));

        // Signed again (the change approved): the next reload verifies and swaps it in.
        LibrarySignature.Sign(_rules.Path, _key);
        Assert.True(await host.Powers.ReloadAsync());
        Assert.Equal(2, host.Powers.Current.Generation);
        Assert.Null(host.Powers.LastReloadFailure);
    }

    [Fact]
    public void Current_NoTrustedKey_ServedAndTheLogSaysUnsigned()
    {
        using var host = new TestHost(o => { o.RulesDirectory = _rules.Path; o.WatchForChanges = false; });
        _ = host.Powers.Current;
        Assert.Equal("Rule library " + _rules.Path + " is not verified: no trusted key is configured (Powers:TrustedKeys), so it is served as an unsigned library", Assert.Single(host.Logs.WithEvent(1004)).Message);
    }

    [Fact]
    public void Options_TrustedKeyWithoutARulesDirectoryOrUnreadable_EveryProblemNamed()
    {
        using var host = new TestHost(o => { o.TrustedKeys.Add(_public); o.TrustedKeys.Add("/no/such/key.pem"); });
        var e = Assert.Throws<OptionsValidationException>(() => host.Powers.Current);
        Assert.Contains("Powers:TrustedKeys: the embedded library carries no signature; set Powers:RulesDirectory to a signed library, or remove the trusted keys.", e.Failures);
        Assert.Contains(e.Failures, f => f.StartsWith("Powers:TrustedKeys:1: cannot read '/no/such/key.pem': ", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _key.Dispose();
        File.Delete(_public);
        _rules.Dispose();
    }

    private TestHost Host(Action<IServiceCollection>? services = null) =>
        new(o => { o.RulesDirectory = _rules.Path; o.WatchForChanges = false; o.TrustedKeys.Add(_public); }, services);
}
