namespace Powers.Packaging.Tests;

/// <summary>A fact that is skipped, saying why, only when no <c>dotnet</c> executable can be found.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresDotnetFactAttribute : FactAttribute
{
    public RequiresDotnetFactAttribute()
    {
        if (DotnetCli.Path is null)
        {
            Skip = "No dotnet executable on DOTNET_HOST_PATH or PATH: packages cannot be packed, restored or built.";
        }
    }
}
