namespace Powers.Cli.Replay;

/// <summary>Reads an NDJSON file of decision records line by line, streaming, so a file of any size replays in flat memory.</summary>
internal static class RecordFileReader
{
    /// <summary>Each non-blank line as a record, or as an error naming <c>FILE(LINE)</c>.</summary>
    public static IEnumerable<(RecordedDecision? Record, string? Error)> Read(TextReader reader, string name)
    {
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string where = name + "(" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
            var record = RecordJsonReader.Read(line, where, out string? error);
            yield return (record, record is null ? where + ": " + error : null);
        }
    }
}
