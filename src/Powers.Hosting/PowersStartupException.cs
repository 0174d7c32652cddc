namespace Powers.Hosting;

/// <summary>
/// Thrown when the host starts and Powers cannot serve: a setting is wrong (the inner exception is the options
/// validation's), the rule library cannot be read, does not verify or has errors, or a decision record sink cannot
/// record. Every cause is in the log before this is thrown, one line each, so an app can end with a non-zero exit
/// code and print nothing more (the README's walkthrough does).
/// </summary>
public sealed class PowersStartupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PowersStartupException()
        : this("Powers cannot start.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public PowersStartupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PowersStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The type and message only. The host logs a start-up failure with its text ("Hosting failed to start"), and the
    /// cause is a setting or a file, already logged with its path: the stack of the host's start says nothing about
    /// it and buried the one line that does. The inner exception and its stack stay on <see cref="Exception.InnerException"/>.
    /// </summary>
    public override string ToString() => GetType().FullName + ": " + Message;
}
