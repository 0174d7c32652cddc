using Microsoft.Extensions.Logging;

namespace Powers.Hosting;

/// <summary>
/// Every log message of Powers.Hosting, with fixed event ids (documented in docs/embedding.md):
/// 1000–1009 settings and loading at start, 1010–1029 hot reload, 1100–1109 decision records.
/// </summary>
internal static partial class PowersLog
{
    [LoggerMessage(EventId = 1000, EventName = "LibraryLoaded", Level = LogLevel.Information,
        Message = "Loaded rule library {Source} (sha256 {Sha256}): {VersionCount} rule set versions, {DesignationCount} designations, in {ElapsedMs} ms")]
    public static partial void LibraryLoaded(ILogger logger, string source, string sha256, int versionCount, int designationCount, long elapsedMs);

    [LoggerMessage(EventId = 1001, EventName = "LibraryDiagnostic", Message = "{Diagnostic}")]
    public static partial void LibraryDiagnostic(ILogger logger, LogLevel level, string diagnostic);

    [LoggerMessage(EventId = 1002, EventName = "LibraryLoadFailed", Level = LogLevel.Critical,
        Message = "Rule library {Source} has {ErrorCount} errors (listed above); Powers cannot start")]
    public static partial void LibraryLoadFailed(ILogger logger, string source, int errorCount);

    [LoggerMessage(EventId = 1003, EventName = "LibraryUnreadable", Level = LogLevel.Critical,
        Message = "Rule library {Source} cannot be read; Powers cannot start")]
    public static partial void LibraryUnreadable(ILogger logger, Exception exception, string source);

    [LoggerMessage(EventId = 1004, EventName = "LibraryUnsigned", Level = LogLevel.Information,
        Message = "Rule library {Source} is not verified: no trusted key is configured (Powers:TrustedKeys), so it is served as an unsigned library")]
    public static partial void LibraryUnsigned(ILogger logger, string source);

    [LoggerMessage(EventId = 1005, EventName = "LibraryVerified", Level = LogLevel.Information,
        Message = "Rule library {Source} verified: every file matches its manifest, signed with trusted key {KeyId}")]
    public static partial void LibraryVerified(ILogger logger, string source, string keyId);

    [LoggerMessage(EventId = 1006, EventName = "LibraryRejected", Level = LogLevel.Critical,
        Message = "Rule library {Source} is refused: its signature does not verify ({ProblemCount} problems, listed above; the first: {First}); Powers cannot start")]
    public static partial void LibraryRejected(ILogger logger, string source, int problemCount, string first);

    [LoggerMessage(EventId = 1007, EventName = "SettingInvalid", Level = LogLevel.Critical,
        Message = "Powers cannot start: {Failure}")]
    public static partial void SettingInvalid(ILogger logger, string failure);

    [LoggerMessage(EventId = 1008, EventName = "LibraryEmbedded", Level = LogLevel.Information,
        Message = "Rule library embedded is the copy built into the Powers package: it is not signed and cannot be watched; set Powers:RulesDirectory to serve a rules directory")]
    public static partial void LibraryEmbedded(ILogger logger);

    [LoggerMessage(EventId = 1010, EventName = "ReloadSucceeded", Level = LogLevel.Information,
        Message = "Reloaded rule library {Source}: sha256 {OldSha256} replaced by {NewSha256} (generation {Generation}) in {ElapsedMs} ms")]
    public static partial void ReloadSucceeded(ILogger logger, string source, string oldSha256, string newSha256, int generation, long elapsedMs);

    [LoggerMessage(EventId = 1011, EventName = "ReloadFailed", Level = LogLevel.Error,
        Message = "Reload of rule library {Source} failed with {ErrorCount} errors (listed above); still serving sha256 {Sha256}")]
    public static partial void ReloadFailed(ILogger logger, string source, int errorCount, string sha256);

    [LoggerMessage(EventId = 1012, EventName = "ReloadUnchanged", Level = LogLevel.Debug,
        Message = "Rule library {Source} unchanged (sha256 {Sha256}); nothing to reload")]
    public static partial void ReloadUnchanged(ILogger logger, string source, string sha256);

    [LoggerMessage(EventId = 1013, EventName = "ReloadSuperseded", Level = LogLevel.Debug,
        Message = "Rule library {Source} changed while it was being compiled; compiling again")]
    public static partial void ReloadSuperseded(ILogger logger, string source);

    [LoggerMessage(EventId = 1014, EventName = "ReloadUnreadable", Level = LogLevel.Error,
        Message = "Rule library {Source} cannot be read; still serving sha256 {Sha256}")]
    public static partial void ReloadUnreadable(ILogger logger, Exception exception, string source, string sha256);

    [LoggerMessage(EventId = 1015, EventName = "WatchStarted", Level = LogLevel.Information,
        Message = "Watching {Source} for changes (quiet period {ReloadDelayMs} ms)")]
    public static partial void WatchStarted(ILogger logger, string source, double reloadDelayMs);

    [LoggerMessage(EventId = 1016, EventName = "WatcherError", Level = LogLevel.Warning,
        Message = "The file watcher on {Source} reported an error; the directory will be read again")]
    public static partial void WatcherError(ILogger logger, Exception exception, string source);

    [LoggerMessage(EventId = 1017, EventName = "ReloadCrashed", Level = LogLevel.Error,
        Message = "Reload of rule library {Source} threw; still serving the last good library")]
    public static partial void ReloadCrashed(ILogger logger, Exception exception, string source);

    [LoggerMessage(EventId = 1018, EventName = "ReloadRejected", Level = LogLevel.Error,
        Message = "Reload of rule library {Source} refused: its signature does not verify ({ProblemCount} problems, listed above; the first: {First}); still serving sha256 {Sha256}")]
    public static partial void ReloadRejected(ILogger logger, string source, int problemCount, string first, string sha256);

    [LoggerMessage(EventId = 1105, EventName = "DecisionRecordsTo", Level = LogLevel.Information,
        Message = "Decisions are recorded to {Where}; a decision that cannot be recorded is withheld")]
    public static partial void DecisionRecordsTo(ILogger logger, string where);

    [LoggerMessage(EventId = 1106, EventName = "DecisionRecordsOff", Level = LogLevel.Information,
        Message = "Decisions are not recorded (Powers:RecordDecisions is off)")]
    public static partial void DecisionRecordsOff(ILogger logger);

    [LoggerMessage(EventId = 1100, EventName = "DecisionRecorded", Level = LogLevel.Information,
        Message = "Decision {DecisionId}: {Record}")]
    public static partial void DecisionRecorded(ILogger logger, string decisionId, string record);

    [LoggerMessage(EventId = 1101, EventName = "DecisionRecordFailed", Level = LogLevel.Error,
        Message = "Decision {DecisionId} was not recorded by {Sink}, so it is withheld: {Reason}")]
    public static partial void DecisionRecordFailed(ILogger logger, Exception? exception, string decisionId, string sink, string reason);

    [LoggerMessage(EventId = 1102, EventName = "DecisionRecordsUnavailable", Level = LogLevel.Critical,
        Message = "The decision record sink {Sink} cannot record, so Powers cannot start: {Reason}")]
    public static partial void DecisionRecordsUnavailable(ILogger logger, Exception exception, string sink, string reason);

    [LoggerMessage(EventId = 1103, EventName = "DecisionRecordsProbeRefused", Level = LogLevel.Warning,
        Message = "Decision records are still down: {Sink} refused the probe: {Reason}; next probe in {Delay}")]
    public static partial void DecisionRecordsProbeRefused(ILogger logger, string sink, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 1104, EventName = "DecisionRecordsRecovered", Level = LogLevel.Information,
        Message = "Decision records recovered: every sink answered the probe (the last failure was {Sink}'s)")]
    public static partial void DecisionRecordsRecovered(ILogger logger, string sink);
}
