using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Powers.Hosting;

/// <summary>
/// The sink <c>AddPowers</c> registers: the NDJSON file at <see cref="PowersOptions.DecisionRecordsPath"/>
/// when one is set, otherwise the log. Created when opened or on the first record, so it costs nothing while
/// records are off.
/// </summary>
internal sealed class DefaultDecisionRecordSink : IDecisionRecordSink, IDisposable
{
    private readonly Lazy<IDecisionRecordSink> _inner;

    public DefaultDecisionRecordSink(IOptions<PowersOptions> options, ILoggerFactory loggerFactory, IServiceProvider services)
    {
        WritesToLog = string.IsNullOrWhiteSpace(options.Value.DecisionRecordsPath);
        Where = WritesToLog
            ? "the log (event 1100; Powers:DecisionRecordsPath is not set)"
            : PowersPaths.Resolve(options.Value.DecisionRecordsPath!, (IHostEnvironment?)services.GetService(typeof(IHostEnvironment)));
        _inner = new Lazy<IDecisionRecordSink>(() =>
        {
            string? path = options.Value.DecisionRecordsPath;
            if (string.IsNullOrWhiteSpace(path))
            {
                return new LoggingDecisionRecordSink(loggerFactory.CreateLogger<LoggingDecisionRecordSink>());
            }

            var environment = (IHostEnvironment?)services.GetService(typeof(IHostEnvironment));
            var sink = new NdjsonFileDecisionRecordSink(PowersPaths.Resolve(path, environment), options.Value.DecisionRecordsFlushToDisk);
            if (options.Value.DecisionRecordsSigningKey is { Length: > 0 } key && !string.IsNullOrWhiteSpace(key))
            {
                // The options were validated at start, so the key reads; the sink owns it from here.
                var time = (TimeProvider?)services.GetService(typeof(TimeProvider)) ?? TimeProvider.System;
                sink.SignCheckpoints(new RecordCheckpointSigner(
                    RecordCheckpointSigner.ReadKey(PowersPaths.Resolve(key, environment)),
                    options.Value.DecisionRecordsCheckpointEvery,
                    options.Value.DecisionRecordsCheckpointInterval,
                    time));
            }

            return sink;
        });
    }

    /// <summary>Whether this sink writes to the log (no <see cref="PowersOptions.DecisionRecordsPath"/>), the fallback when no other sink is registered.</summary>
    public bool WritesToLog { get; }

    /// <summary>Where records go, for the start-up log: the log, or the full path of the records file.</summary>
    public string Where { get; }

    /// <inheritdoc />
    public string Name => _inner.Value.Name;

    /// <inheritdoc />
    public void Open() => _inner.Value.Open();

    /// <inheritdoc />
    public DecisionRecordWriteResult Write(DecisionRecord record) => _inner.Value.Write(record);

    /// <inheritdoc />
    public ValueTask<DecisionRecordWriteResult> WriteAsync(DecisionRecord record, CancellationToken cancellationToken) => _inner.Value.WriteAsync(record, cancellationToken);

    /// <inheritdoc />
    public ValueTask<DecisionRecordWriteResult> ProbeAsync(CancellationToken cancellationToken) => _inner.Value.ProbeAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_inner.IsValueCreated && _inner.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
