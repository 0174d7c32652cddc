namespace Powers.Diagnostics;

/// <summary>
/// A "did you mean" passed as a message argument: it formats as the suffix the message always had, and
/// <see cref="Diagnostic.Create"/> keeps <see cref="Name"/> as <see cref="Diagnostic.Suggestion"/>, so an editor's
/// quick fix reads the replacement from the diagnostic rather than from its English message.
/// </summary>
internal sealed class Suggestion
{
    private readonly string _lead;

    public Suggestion(string lead, string? name)
    {
        _lead = lead;
        Name = name;
    }

    /// <summary>The closest known name; null when none is close enough.</summary>
    public string? Name { get; }

    public override string ToString() => Name is null ? _lead : _lead + "; did you mean '" + Name + "'?";
}
