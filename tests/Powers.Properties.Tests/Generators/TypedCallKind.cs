namespace Powers.Properties.Tests.Generators;

/// <summary>Which typed setter of <see cref="Powers.Evaluation.Situation"/> a <see cref="TypedCall"/> uses.</summary>
public enum TypedCallKind
{
    /// <summary><c>Set(string, bool)</c>.</summary>
    BoolByName,

    /// <summary><c>Set(string, int)</c>.</summary>
    IntByName,

    /// <summary><c>Set(string, string)</c>.</summary>
    TextByName,

    /// <summary><c>Set(FactSymbol, int)</c>.</summary>
    IntBySymbol,

    /// <summary><c>Set(FactSymbol, string)</c>.</summary>
    TextBySymbol,

    /// <summary><c>Set(int, int)</c>, the raw index setter.</summary>
    Raw,

    /// <summary><c>Unset(string)</c>.</summary>
    Unset,
}
