namespace Powers.Model;

/// <summary>The outcome for one power, exactly as domain.md defines them.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(OutcomeJsonConverter))]
public enum Outcome : byte
{
    /// <summary>The law in force on the date confers no such power on CSOs.</summary>
    NotInForce,

    /// <summary>In force, but not conferred on this CSO.</summary>
    NotDesignated,

    /// <summary>In force and conferred, but at least one clause fails.</summary>
    Denied,

    /// <summary>In force and conferred, no clause fails, at least one is unknown.</summary>
    Undetermined,

    /// <summary>In force, conferred, and every clause holds.</summary>
    Permitted,
}
