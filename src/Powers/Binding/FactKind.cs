namespace Powers.Binding;

/// <summary>The type of a fact.</summary>
public enum FactKind
{
    /// <summary>True or false.</summary>
    Bool,

    /// <summary>A non-negative integer (or at least the fact's minimum).</summary>
    Int,

    /// <summary>One of a closed list of values.</summary>
    Enum,
}
