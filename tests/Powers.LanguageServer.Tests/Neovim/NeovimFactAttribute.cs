namespace Powers.LanguageServer.Tests.Neovim;

/// <summary>A test that needs Neovim: skipped, with the reason, only where no <c>nvim</c> can be found.</summary>
public sealed class NeovimFactAttribute : FactAttribute
{
    public NeovimFactAttribute()
    {
        if (NeovimRunner.Find() is null)
        {
            Skip = "Neovim (nvim) is not installed on this machine; .ci/run installs the Debian package neovim, and this test runs wherever that succeeds";
        }
    }
}
