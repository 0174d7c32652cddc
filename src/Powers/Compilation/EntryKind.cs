namespace Powers.Compilation;

/// <summary>What a path is, after following symbolic links.</summary>
internal enum EntryKind
{
    /// <summary>A regular file, or one whose kind cannot be told on this platform.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A FIFO (named pipe): opening it blocks until a writer comes.</summary>
    Fifo,

    /// <summary>A character device.</summary>
    CharacterDevice,

    /// <summary>A block device.</summary>
    BlockDevice,

    /// <summary>A socket.</summary>
    Socket,
}
