namespace Powers.LanguageServer.Analysis;

/// <summary>
/// Finds the <see cref="CursorContext"/> of an offset in text that is often not valid JSON yet (a property name
/// being typed). The compiler's parser rejects such text, rightly; this reads only brackets, strings, colons and
/// commas up to the cursor, builds no tree and reports nothing. Nesting beyond the parser's limit is not tracked.
/// </summary>
internal static class CursorScanner
{
    private const int MaxDepth = 64;

    public static CursorContext Scan(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var frames = new List<Frame> { new(false, string.Empty) { ExpectKey = false } };
        string? lastString = null;
        int i = 0;
        while (i < offset)
        {
            char c = text[i];
            switch (c)
            {
                case '"':
                    int start = i + 1;
                    int j = start;
                    while (j < text.Length && text[j] != '"' && text[j] != '\n')
                    {
                        j += text[j] == '\\' ? 2 : 1;
                    }

                    if (j >= offset)
                    {
                        var top = frames[^1];
                        return Context(frames, true, start, !top.IsArray && top.ExpectKey);
                    }

                    lastString = text[start..Math.Min(j, text.Length)];
                    i = j + 1;
                    continue;
                case ':':
                    if (!frames[^1].IsArray)
                    {
                        frames[^1].Key = lastString;
                        frames[^1].ExpectKey = false;
                    }

                    break;
                case ',':
                    if (!frames[^1].IsArray)
                    {
                        frames[^1].ExpectKey = true;
                        frames[^1].Key = null;
                    }

                    break;
                case '{' or '[':
                    if (frames.Count < MaxDepth)
                    {
                        var parent = frames[^1];
                        string segment = parent.IsArray ? "[]" : parent.Key ?? "?";
                        frames.Add(new Frame(c == '[', segment) { ExpectKey = c == '{' });
                    }

                    break;
                case '}' or ']':
                    if (frames.Count > 1)
                    {
                        frames.RemoveAt(frames.Count - 1);
                    }

                    break;
            }

            i++;
        }

        var last = frames[^1];
        return Context(frames, false, offset, !last.IsArray && last.ExpectKey && frames.Count > 1);
    }

    private static CursorContext Context(List<Frame> frames, bool inString, int stringStart, bool isKey)
    {
        var top = frames[^1];
        // frames[0] is the document itself; frames[1] the root value, entered by no key.
        var path = frames.Skip(2).Select(f => f.Segment).ToList();
        string? owner = top.IsArray ? top.Segment : top.Key;
        return new CursorContext(path, inString, stringStart, isKey, isKey ? null : owner, top.IsArray);
    }

    private sealed class Frame(bool isArray, string segment)
    {
        public bool IsArray { get; } = isArray;

        public string Segment { get; } = segment;

        public bool ExpectKey { get; set; }

        public string? Key { get; set; }
    }
}
