namespace Powers.Model;

/// <summary>Where a clause of a decision comes from.</summary>
public enum ClauseOrigin
{
    /// <summary>A general clause of the rule set, applying to every power not excepted.</summary>
    General,

    /// <summary>A clause of the power itself.</summary>
    Power,

    /// <summary>A restriction the designation attached (PRA s.38(7)).</summary>
    Restriction,
}
