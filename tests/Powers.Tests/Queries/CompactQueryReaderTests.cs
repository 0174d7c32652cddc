using System.Text;
using Powers.Evaluation;
using Powers.Queries;
using Powers.TestSupport;

namespace Powers.Tests.Queries;

/// <summary>
/// The NDJSON fast path reads a line only when <see cref="QueryReader"/> reads it the same way: same date,
/// designation, version and facts. Everything else it must decline, so the full reader decides or reports it.
/// </summary>
public class CompactQueryReaderTests
{
    private static readonly string[] Handwritten =
    [
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true}}""",
        """ { "facts" : { "inUniform" : null , "minutesDetained" : 0 } , "designation" : "met-2002-security" , "date" : "2013-03-01" } """,
        """{"date":"2013-03-01","designation":"met-2002-security"}""",
        """{"date":"1999-01-01","designation":"met-2002-security","facts":{}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"minutesDetained":-1}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"minutesDetained":1.0}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"minutesDetained":007}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"minutesDetained":99999999999}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":1}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inUniform":false}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"searchOf":"car"}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"searchOf":"vehic\u006ce"}}""",
        """{"date":"2013-03-01","designation":"met-2002-securty","facts":{}}""",
        """{"date":"2013-02-30","designation":"met-2002-security","facts":{}}""",
        """{"date":"2013-03-01","designation":{"force":"kent","powers":[]},"facts":{}}""",
        """{"date":"2013-03-01","ruleset":"pra2002-sch4@2012-07-10","designation":"met-2002-security"}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true}} x""",
        """{"date":"2013-03-01","designation":"met-2002-security","date":"2013-03-02"}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":truex}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,}}""",
        """[]""",
        "",
        """{"date":"2018-03-01","designation":{"force":"kent","powers":["road-check","cordon"],"made":"2017-06-01"},"facts":{"inUniform":true}}""",
        """{"designation":{"powers":[],"force":"kent"},"date":"2018-03-01"}""",
        """{"date":"2018-03-01","designation":{"force":"kent","powers":["road-check"],"made":"2017-06-01","made":"2017-06-02"}}""",
        """{"date":"2018-03-01","designation":{"force":"kentt","powers":[]}}""",
        """{"date":"2018-03-01","designation":{"force":"kent"}}""",
        """{"ruleset":"pra2002-sch4@bill-2002-04-25","designation":"met-2002-security","facts":{"inUniform":true}}""",
        """{"ruleset":"pra2002-sch4","date":"2013-03-01","designation":"met-2002-security"}""",
        """{"ruleset":"pra2002-sch4@2012-07-10","date":"2019-03-01","designation":"met-2002-security"}""",
        """{"ruleset":"pra2002-sch4","designation":"met-2002-security"}""",
        """{"$schema":"https://example.org/query.json","date":"2013-03-01","designation":"met-2002-security","power":"road-check"}""",
        """{"date":"2013-03-01","designation":"met-2002-security","power":"road-chek"}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"in\u0055niform":true,"searchOf":"item\u002dcarried"}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"searchOf":"item\qcarried"}}""",
    ];

    // Valid shapes the fast path leaves to the full reader by design (see CompactQueryReader).
    private static readonly string[] Declined = [
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"minutesDetained":1.0}}""",
    ];

    [Fact]
    public void TryRead_AgreesWithQueryReader_OnHandwrittenLines()
    {
        int accepted = Handwritten.Count(Agrees);
        Assert.Equal(13, accepted);
    }

    [Fact]
    public void TryRead_EveryValidHandwrittenShape_ReadByTheFastPath()
    {
        var library = ShippedLibrary.Instance;
        foreach (string line in Handwritten.Except(Declined))
        {
            bool valid = QueryReader.Parse(library, line, []) is not null;
            Assert.True(!valid || Agrees(line), "the fast path declined a valid query: " + line);
        }
    }

    [Fact]
    public void TryRead_EveryPrefixOfAValidLine_DeclinedWithoutThrowing()
    {
        // A line cut anywhere (a stream read short, a line split in two) is no query: the fast path declines every
        // prefix, as text and as UTF-8, and never reads past the end of the text it was given.
        var library = ShippedLibrary.Instance;
        var reader = new CompactQueryReader(library);
        var situation = new Situation(library.Schema);
        string restricted = """{"date":"2018-03-01","designation":{"force":"kent","powers":["road-check"],"restrictions":[{"id":"r","when":"inUniform","text":"T \" q."}]},"facts":{"inUniform":true}}""";
        string[] lines = [.. Handwritten.Select(l => l.TrimEnd()).Where(l => QueryReader.Parse(library, l, []) is not null), restricted];
        Assert.True(lines.Length >= 14, "valid lines: " + lines.Length);
        foreach (string line in lines)
        {
            for (int length = 0; length < line.Length; length++)
            {
                string prefix = line[..length];
                Assert.False(reader.TryRead(prefix.AsSpan(), situation, out _, out _, out _), prefix);
                Assert.False(reader.TryRead(Encoding.UTF8.GetBytes(prefix).AsSpan(), situation, out _, out _, out _), prefix);
            }
        }
    }

    [Fact]
    public void TryRead_PowerListedTwice_SameDesignationAsTheDocumentReader()
    {
        // A set of powers: naming one twice grants it once, on either path.
        string line = """{"date":"2018-03-01","designation":{"force":"kent","powers":["cordon","road-check","cordon"]},"facts":{"inUniform":true}}""";
        var query = QueryReader.Parse(ShippedLibrary.Instance, line, []);

        Assert.True(query is not null && query.Designation.Powers.Contains("cordon"));
        Assert.True(Agrees(line), "the fast path declined a valid query: " + line);
    }

    [Fact]
    public void TryRead_AgreesWithQueryReader_OnGeneratedAndMutatedLines()
    {
        var library = ShippedLibrary.Instance;
        using var writer = new StringWriter();
        NdjsonGenerator.Write(library, writer, 2000, seed: 11);
        var random = new Random(5);
        int accepted = 0;
        int mutatedAccepted = 0;
        foreach (string line in writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(Agrees(line), line);
            accepted++;
            for (int k = 0; k < 5; k++)
            {
                if (Agrees(Mutate(line, random)))
                {
                    mutatedAccepted++;
                }
            }
        }

        Assert.Equal(2000, accepted);
        Assert.InRange(mutatedAccepted, 1, 9999);
    }

    private static readonly string LongSchema = "https:\\/\\/example.org\\/" + string.Concat(Enumerable.Repeat("powers\\/", 30)) + "query.schema.json";

    // Valid documents the fast path once declined and left to the full reader: -0, a byte order mark, a string with
    // escapes longer than 128 characters (a serializer that escapes '/' writes every URL so).
    public static TheoryData<string> OnceDeclined => new()
    {
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"minutesDetained":-0}}""",
        "\uFEFF" + """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true}}""",
        "{\"$schema\":\"" + LongSchema + "\",\"date\":\"2013-03-01\",\"designation\":\"met-2002-security\",\"facts\":{\"searchOf\":\"vehicle\"}}",
    };

    [Theory]
    [MemberData(nameof(OnceDeclined))]
    public void TryRead_ValidShapeOnceDeclined_ReadByTheFastPath(string line)
    {
        Assert.True(Agrees(line), "the fast path declined a valid query: " + line);
        var reader = new CompactQueryReader(ShippedLibrary.Instance);
        Assert.True(reader.TryRead(Encoding.UTF8.GetBytes(line), new Situation(ShippedLibrary.Instance.Schema), out _, out _, out _));
    }

    [Fact]
    public void TryRead_ValidLines_AllocateNothing()
    {
        string[] lines =
        [
            """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"searchOf":"item\u002dcarried","minutesDetained":12}}""",
            """{"date":"2018-03-01","designation":{"force":"kent","powers":["road-check","cordon"],"made":"2017-06-01"},"facts":{"inUniform":true}}""",
            """{"ruleset":"pra2002-sch4@bill-2002-04-25","designation":"met-2002-security","power":"road-check"}""",
            "{\"$schema\":\"" + LongSchema + "\",\"date\":\"2013-03-01\",\"designation\":\"met-2002-security\"}",
        ];
        var utf8 = lines.Select(Encoding.UTF8.GetBytes).ToArray();
        var reader = new CompactQueryReader(ShippedLibrary.Instance);
        var situation = new Situation(ShippedLibrary.Instance.Schema);
        for (int warm = 0; warm < 3; warm++)
        {
            ReadAll();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            ReadAll();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void ReadAll()
        {
            for (int l = 0; l < lines.Length; l++)
            {
                Assert.True(reader.TryRead(lines[l], situation, out _, out _, out _));
                Assert.True(reader.TryRead(utf8[l], situation, out _, out _, out _));
            }
        }
    }

    private const string Restricted = """{"date":"2010-06-01","designation":{"force":"kent","powers":["road-check"],"restrictions":[{"id":"never","when":"false","text":"Not this power.","powers":["road-check"]}]},"facts":{"inUniform":true}}""";

    [Fact]
    public void TryRead_AdHocWithRestrictions_ResolvedOnceThenSharedWithoutAllocating()
    {
        Assert.True(Agrees(Restricted));
        var reader = new CompactQueryReader(ShippedLibrary.Instance);
        var situation = new Situation(ShippedLibrary.Instance.Schema);
        Assert.True(reader.TryRead(Restricted, situation, out _, out var first, out _));
        Assert.Equal("never", Assert.Single(first!.Restrictions).Clause.Id);
        Assert.True(reader.TryRead(System.Text.Encoding.UTF8.GetBytes(Restricted), situation, out _, out var again, out _));
        Assert.Same(first, again);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(reader.TryRead(Restricted, situation, out _, out _, out _));
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("\"when\":\"inUniform and constablePresnt\"")]
    [InlineData("\"when\":\"false\",\"when\":\"true\"")]
    [InlineData("\"when\":\"false\"}]]")]
    public void TryRead_AdHocWithBadRestrictions_Declines(string when)
    {
        string line = Restricted.Replace("\"when\":\"false\"", when, StringComparison.Ordinal);
        var reader = new CompactQueryReader(ShippedLibrary.Instance);
        Assert.False(reader.TryRead(line, new Situation(ShippedLibrary.Instance.Schema), out _, out _, out _));
    }

    // The fast path tries the facts after the last one read as their compact text ("name":) before reading and
    // looking a name up: every order, gap and spacing must read the same facts as the document reader.
    public static TheoryData<string, int, int, string> FactOrders => new()
    {
        { "schema order, all", 0, 1, ":" },
        { "schema order, every second", 0, 2, ":" },
        { "schema order, every third", 1, 3, ":" },
        { "schema order, every fourth (past the facts tried first)", 2, 4, ":" },
        { "reversed", 0, -1, ":" },
        { "schema order, a space before each colon", 0, 1, " :" },
    };

    [Theory]
    [MemberData(nameof(FactOrders))]
    public void TryRead_FactsInAnyOrderAndSpacing_SameFactsAsTheDocumentReader(string order, int first, int step, string colon)
    {
        var facts = ShippedLibrary.Instance.Schema.Facts;
        var chosen = step > 0
            ? Enumerable.Range(0, facts.Count).Where(i => i >= first && (i - first) % step == 0)
            : Enumerable.Range(0, facts.Count).Reverse();
        string stated = string.Join(",", chosen.Select(i => "\"" + facts[i].Name + "\"" + colon + Value(facts[i], i)));
        string line = """{"date":"2013-03-01","designation":"met-2002-security","facts":{""" + stated + "}}";
        Assert.True(Agrees(line), order + ": " + line);

        static string Value(Powers.Binding.FactSymbol fact, int i) => fact.Kind switch
        {
            Powers.Binding.FactKind.Bool => i % 2 == 0 ? "true" : "false",
            Powers.Binding.FactKind.Int => (fact.Min + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "\"" + fact.Values[i % fact.Values.Count] + "\"",
        };
    }

    private static bool Agrees(string line)
    {
        var library = ShippedLibrary.Instance;
        var reader = new CompactQueryReader(library);
        var situation = new Powers.Evaluation.Situation(library.Schema);
        if (!reader.TryRead(line, situation, out var date, out var designation, out var version))
        {
            return false;
        }

        var errors = new List<QueryError>();
        var query = QueryReader.Parse(library, line, errors);
        Assert.True(query is not null, "compact read a line the full reader rejects: " + line + " — " + string.Join("; ", errors.Select(e => e.Message)));
        Assert.Empty(errors);
        Assert.Equal(query.Date, date);
        if (query.Designation.Id is null)
        {
            Assert.Null(designation!.Id);
            Assert.Equal(query.Designation.Force, designation.Force);
            Assert.True(query.Designation.Powers.SetEquals(designation.Powers));
            Assert.Equal(query.Designation.Made, designation.Made);
            Assert.Equal(query.Designation.Restrictions.Select(r => r.Clause.Id + ": " + r.Clause.Text), designation.Restrictions.Select(r => r.Clause.Id + ": " + r.Clause.Text));
        }
        else
        {
            Assert.Same(query.Designation, designation);
        }

        Assert.Same(query.Version, version);
        Assert.Equal(query.Situation.KnownMask, situation.KnownMask);
        for (int f = 0; f < library.Schema.Count; f++)
        {
            if (situation.IsKnown(f))
            {
                Assert.Equal(query.Situation.ValueAt(f), situation.ValueAt(f));
            }
        }

        return true;
    }

    private static string Mutate(string line, Random random)
    {
        var text = new StringBuilder(line);
        int at = random.Next(text.Length);
        const string Alphabet = "{}[]\":,. -0123456789truefalsenull\\ux\t\r";
        switch (random.Next(4))
        {
            case 0:
                text.Remove(at, 1);
                break;
            case 1:
                text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                break;
            case 2:
                text[at] = Alphabet[random.Next(Alphabet.Length)];
                break;
            default:
                text.Insert(at, ' ');
                break;
        }

        return text.ToString();
    }
}
