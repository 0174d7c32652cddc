using System.Text.Json;
using System.Text.Json.Serialization;
using Powers.LanguageServer.Server;
using StreamJsonRpc;

namespace Powers.LanguageServer;

/// <summary>How protocol types map to JSON: camelCase names, absent values left out.</summary>
internal static class ProtocolJson
{
    public static SystemTextJsonFormatter CreateFormatter()
    {
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        formatter.JsonSerializerOptions.PropertyNameCaseInsensitive = true;
        return formatter;
    }

    /// <summary>The server side's formatter: <see cref="CreateFormatter"/> behind a check of each incoming envelope.</summary>
    public static IJsonRpcMessageTextFormatter CreateServerFormatter() => new InboundMessageFormatter(CreateFormatter());
}
