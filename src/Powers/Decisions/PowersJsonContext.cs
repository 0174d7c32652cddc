using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Powers.Model;

namespace Powers.Decisions;

/// <summary>
/// Source-generated System.Text.Json metadata for what the core writes (a decision, one power's decision, an
/// outcome), for trimmed and native AOT hosts, where reflection-based serialization is unavailable: pass
/// <c>PowersJsonContext.Default.Decision</c> to <c>JsonSerializer.Serialize</c>, or add <see cref="Default"/> to
/// <c>JsonSerializerOptions.TypeInfoResolverChain</c> (ASP.NET Core: <c>ConfigureHttpJsonOptions</c>). The documents
/// are those of the converters on each type.
/// </summary>
[SuppressMessage("ApiDesign", "RS0041:Public members should not use oblivious types", Justification = "The System.Text.Json source generator writes the type info properties without nullable annotations; they are declared with '~' in PublicAPI.Shipped.txt.")]
[JsonSerializable(typeof(Decision))]
[JsonSerializable(typeof(PowerDecision))]
[JsonSerializable(typeof(Outcome))]
public sealed partial class PowersJsonContext : JsonSerializerContext;
