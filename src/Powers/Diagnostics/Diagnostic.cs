using System.Globalization;
using Powers.Text;

namespace Powers.Diagnostics;

/// <summary>A message about an author's input, with a stable id and an exact location.</summary>
public sealed class Diagnostic
{
    private Diagnostic(DiagnosticDescriptor descriptor, Location? location, string message, string? suggestion)
    {
        Descriptor = descriptor;
        Location = location;
        Message = message;
        Suggestion = suggestion;
    }

    /// <summary>The catalogue entry.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The id, e.g. <c>PWR0201</c>.</summary>
    public string Id => Descriptor.Id;

    /// <summary>The severity.</summary>
    public DiagnosticSeverity Severity => Descriptor.Severity;

    /// <summary>Where the mistake is; null for a diagnostic about no particular file.</summary>
    public Location? Location { get; }

    /// <summary>The formatted message, including any "did you mean" suggestion.</summary>
    public string Message { get; }

    /// <summary>
    /// The known name the message suggests ("did you mean"), which replaces the text at <see cref="Location"/>
    /// (inside its quotes); null when there is none.
    /// </summary>
    public string? Suggestion { get; }

    /// <summary>Creates a diagnostic from a catalogue entry and its message arguments.</summary>
    internal static Diagnostic Create(DiagnosticDescriptor descriptor, Location? location, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        string message = args.Length == 0
            ? descriptor.MessageFormat
            : string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args);
        string? suggestion = null;
        foreach (object? arg in args)
        {
            if (arg is Suggestion { Name: { } name })
            {
                suggestion = name;
            }
        }

        return new Diagnostic(descriptor, location, message, suggestion);
    }

    /// <summary>The MSBuild form: <c>path(line,col): error PWR0201: message</c>.</summary>
    public override string ToString() => MsBuildFormatter.Format(this);
}
