namespace Powers.Properties.Tests.Support;

/// <summary>Thrown inside a property when it does not hold; FsCheck reports it with the shrunk counterexample.</summary>
public sealed class PropertyViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PropertyViolationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PropertyViolationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public PropertyViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throws when the condition is false.</summary>
    public static void Check(bool condition, Func<string> message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!condition)
        {
            throw new PropertyViolationException(message());
        }
    }
}
