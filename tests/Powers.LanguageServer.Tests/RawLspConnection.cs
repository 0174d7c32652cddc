using System.Globalization;
using System.Text;
using System.Text.Json;
using Nerdbank.Streams;

namespace Powers.LanguageServer.Tests;

/// <summary>
/// A client that writes framed messages byte for byte, as a buggy or hostile editor might: whatever JSON it is given
/// goes to the server under a correct Content-Length header, and each framed answer is read back as it came.
/// </summary>
internal sealed class RawLspConnection : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly Stream _stream;
    private readonly byte[] _one = new byte[1];

    private RawLspConnection(Stream stream, Task<int> server)
    {
        _stream = stream;
        Server = server;
    }

    public Task<int> Server { get; }

    /// <summary>The server's answer to initialize: its capabilities.</summary>
    public JsonElement Capabilities { get; private set; }

    public static async Task<RawLspConnection> StartAsync(string rootPath)
    {
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        var options = new LanguageServerOptions { QuietPeriod = TimeSpan.FromMilliseconds(5), Log = new StringWriter() };
        var server = Task.Run(() => LanguageServerHost.RunAsync(serverStream, serverStream, options));
        var connection = new RawLspConnection(clientStream, server);
        string root = JsonSerializer.Serialize(new Uri(rootPath).AbsoluteUri);
        await connection.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"rootUri\":" + root + "}}");
        connection.Capabilities = (await connection.ResponseAsync()).GetProperty("result").GetProperty("capabilities").Clone();
        await connection.SendAsync("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        return connection;
    }

    public async Task SendAsync(string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        byte[] header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
        await _stream.WriteAsync(header);
        await _stream.WriteAsync(body);
        await _stream.FlushAsync();
    }

    /// <summary>The next message from the server that is a response (has a result or an error), skipping notifications.</summary>
    public async Task<JsonElement> ResponseAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            var message = await ReadAsync(timeout.Token);
            if (message.TryGetProperty("result", out _) || message.TryGetProperty("error", out _))
            {
                return message;
            }
        }
    }

    /// <summary>Sends a request and returns the response to it.</summary>
    public async Task<JsonElement> RequestAsync(string json)
    {
        await SendAsync(json);
        return await ResponseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await SendAsync("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            await Server.WaitAsync(Timeout);
        }
        catch (IOException)
        {
            // The server already ended.
        }

        await _stream.DisposeAsync();
    }

    private async Task<JsonElement> ReadAsync(CancellationToken cancellationToken)
    {
        int length = -1;
        while (true)
        {
            string line = await ReadLineAsync(cancellationToken);
            if (line.Length == 0)
            {
                break;
            }

            const string Name = "Content-Length:";
            if (line.StartsWith(Name, StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line.AsSpan(Name.Length).Trim(), CultureInfo.InvariantCulture);
            }
        }

        if (length < 0)
        {
            throw new InvalidDataException("A message from the server had no Content-Length header.");
        }

        byte[] body = new byte[length];
        await _stream.ReadExactlyAsync(body, cancellationToken);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (await _stream.ReadAsync(_one, cancellationToken) == 0)
            {
                throw new EndOfStreamException("The server closed the connection; read so far: " + line);
            }

            char c = (char)_one[0];
            if (c == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append(c);
        }
    }
}
