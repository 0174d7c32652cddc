namespace Powers.Model;

/// <summary>
/// The outcome for one power, exactly as docs/contract.md defines them. The values are fixed (a host may store
/// them; the compiled decision program packs them into a table) and pinned by a test: never renumber.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(OutcomeJsonConverter))]
public enum Outcome : byte
{
    /// <summary>The law in force on the date confers no such power on CSOs.</summary>
    NotInForce = 0,

    /// <summary>In force, but not conferred on this CSO.</summary>
    NotDesignated = 1,

    /// <summary>In force and conferred, but at least one clause fails.</summary>
    Denied = 2,

    /// <summary>In force and conferred, no clause fails, at least one is unknown.</summary>
    Undetermined = 3,

    /// <summary>In force, conferred, and every clause holds.</summary>
    Permitted = 4,
}
