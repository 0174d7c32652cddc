namespace Powers.Hosting;

/// <summary>
/// Where a <see cref="IDecisionRecordSource"/> keeps the signed checkpoints of its records (a file, a table), and
/// every one stored there, read lazily; <see cref="Checkpoints"/> is null when that place does not exist (the host
/// signs none, or they were deleted), which a reader reports as a trail it cannot check against a signature.
/// </summary>
public sealed class StoredCheckpoints
{
    /// <summary>Creates it.</summary>
    /// <param name="kind">What the place is, a noun for messages: <c>file</c>, <c>table</c>.</param>
    /// <param name="name">Its name: the file's path, the table's name.</param>
    /// <param name="checkpoints">Every checkpoint stored there, in the order stored (each writer's in the order of the records they sign); null when there is no such place.</param>
    public StoredCheckpoints(string kind, string name, IEnumerable<StoredCheckpoint>? checkpoints)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(name);
        Kind = kind;
        Name = name;
        Checkpoints = checkpoints;
    }

    /// <summary>What the place is, for messages: <c>file</c>, <c>table</c>.</summary>
    public string Kind { get; }

    /// <summary>The file's path, the table's name.</summary>
    public string Name { get; }

    /// <summary>Every checkpoint stored there, or null when there is no such place.</summary>
    public IEnumerable<StoredCheckpoint>? Checkpoints { get; }
}
