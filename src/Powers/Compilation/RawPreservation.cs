using Powers.Model;
using Powers.Syntax.Json;

namespace Powers.Compilation;

/// <summary>A preserve entry as written: the version it names is checked once every version is known.</summary>
internal sealed record RawPreservation(JsonString Version, Preservation Entry);
