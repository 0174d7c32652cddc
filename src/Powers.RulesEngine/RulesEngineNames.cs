namespace Powers.RulesEngine;

/// <summary>Names the exported workflows rely on.</summary>
public static class RulesEngineNames
{
    /// <summary>The one input every exported expression reads: <c>situation</c>, whose properties are the facts by name.</summary>
    public const string SituationParameter = "situation";

    /// <summary>The nested-rule operator of a power: every clause must hold.</summary>
    public const string AndOperator = "And";

    /// <summary>The success event of a power's rule.</summary>
    public const string PermittedEvent = "permitted";
}
