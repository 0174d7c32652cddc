namespace Powers.Batch;

/// <summary>One Kleene operation of the batch program on registers of 64 two-bit values.</summary>
/// <param name="Code">0 not, 1 and, 2 or.</param>
/// <param name="Target">The register written.</param>
/// <param name="Left">The first operand register.</param>
/// <param name="Right">The second operand register (unused for not).</param>
internal readonly record struct BatchOp(byte Code, int Target, int Left, int Right)
{
    public const byte Not = 0;
    public const byte And = 1;
    public const byte Or = 2;
}
