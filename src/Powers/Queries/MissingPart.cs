namespace Powers.Queries;

/// <summary>A required part of a query that was not given.</summary>
internal enum MissingPart
{
    /// <summary>The designation (a stored id or an ad-hoc object).</summary>
    Designation,

    /// <summary>The force of an ad-hoc designation.</summary>
    Force,

    /// <summary>The powers of an ad-hoc designation.</summary>
    Powers,
}
