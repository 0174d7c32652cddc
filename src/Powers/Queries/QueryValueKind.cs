namespace Powers.Queries;

/// <summary>The kind of a raw value in a query, as JSON types it; command-line text is typed the same way.</summary>
internal enum QueryValueKind
{
    /// <summary>A string.</summary>
    String,

    /// <summary>A number, kept as written.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>: for a fact, unknown.</summary>
    Null,

    /// <summary>An object.</summary>
    Object,

    /// <summary>An array.</summary>
    Array,
}
