namespace Powers.Cli;

/// <summary>Exit codes of every command, as docs/contract.md lists them.</summary>
internal static class ExitCodes
{
    /// <summary>Decided; no errors; all cases pass.</summary>
    public const int Success = 0;

    /// <summary>Rule files have errors, or a golden case fails.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: a malformed query, unknown fact, bad option.</summary>
    public const int BadInput = 2;
}
