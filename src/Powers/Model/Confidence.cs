namespace Powers.Model;

/// <summary>How well the law behind a rule is supported by the sources.</summary>
public enum Confidence
{
    /// <summary>Supported by the primary text or a reliable source.</summary>
    High,

    /// <summary>Uncertain: the rule takes the reading that permits less, and its note says what would settle it.</summary>
    Low,
}
