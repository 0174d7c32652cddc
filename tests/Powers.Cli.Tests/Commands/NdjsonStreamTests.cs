using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Powers.Cli.Tests.Commands;

/// <summary>
/// The NDJSON stream against the one-document path (<c>QueryReader</c> and the engine): on a mixed input (stored and
/// ad-hoc designations, bad and blank lines, escapes, <c>ruleset</c>, spaces, a CRLF ending, a non-ASCII error) every
/// line gets one answer in order, each the answer its line gets alone as a document, for every format and level; and
/// the process's own output (UTF-8 bytes through its own buffer) is byte for byte the text a plain writer gets.
/// </summary>
public class NdjsonStreamTests
{
    private static readonly string[] Lines =
    [
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true,"terrorismAuthorisation":"s47a"}}""",
        """{"date":"2017-12-15","designation":{"force":"metropolitan","powers":["road-check","cordon"],"made":"2017-12-15"},"facts":{"inUniform":true,"inPoliceArea":true,"roadCheckAuthorised":true}}""",
        """not json""",
        "",
        """{"date":"2013-03-01","designation":"met\u002d2002-security","facts":{"in\u0055niform":true,"searchOf":"item\u002dcarried"}}""",
        """{"ruleset":"pra2002-sch4@2012-07-10","designation":"met-2002-security","facts":{"inUniform":true}}""",
        """{"date":"2013-03-01","designation":"métropole"}""",
        """ { "facts" : { "inUniform" : null , "minutesDetained" : 0 } , "designation" : "met-2002-security" , "date" : "2013-03-01" } """,
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"minutesDetained":1.0}}""",
        """{"date":"2017-12-15","designation":{"force":"metropolitan","powers":["road-check","cordon"],"made":"2017-12-15"},"facts":{"inUniform":true,"inPoliceArea":true,"roadCheckAuthorised":false}}""",
        """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true,"terrorismAuthorisation":"s47a"}}""",
    ];

    // Every format and level that writes NDJSON, with and without --power.
    public static TheoryData<string[]> Formats => new()
    {
        new[] { "--format", "outcomes" },
        new[] { "--format", "outcomes", "--power", "road-check" },
        new[] { "--format", "json", "--detail", "outcomes" },
        new[] { "--format", "json", "--detail", "reasons" },
        new[] { "--format", "json", "--detail", "full" },
        new[] { "--format", "json", "--detail", "reasons", "--power", "cordon" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Run_MixedLines_EachLineAnsweredAsItsOwnDocumentInOrder(string[] format)
    {
        // The second line ends in CRLF: the CR is not part of the line.
        string input = string.Join("\n", Lines.Select((line, i) => i == 1 ? line + "\r" : line)) + "\n";
        var stream = CliRun.WithInput(input, ["query", "--input", "-", "--ndjson", .. format]);
        Assert.Equal(2, stream.ExitCode); // bad lines
        var answers = stream.Out.Split('\n');
        Assert.Equal(Lines.Length + 1, answers.Length);
        Assert.Equal(string.Empty, answers[^1]);
        for (int i = 0; i < Lines.Length; i++)
        {
            var alone = CliRun.WithInput(Lines[i], ["query", "--input", "-", .. format]);
            var answer = JObject.Parse(answers[i]);
            if (alone.ExitCode != 0)
            {
                Assert.Equal(i + 1, (int)answer["line"]!);
                Assert.NotEmpty((JArray)answer["errors"]!);
                continue;
            }

            var expected = JObject.Parse(alone.Out);
            Assert.True(JToken.DeepEquals(expected, answer), "line " + (i + 1) + ": " + answers[i] + "\nalone: " + alone.Out);
            if (format[1] == "outcomes")
            {
                Assert.Equal(expected.ToString(Formatting.None), answers[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Run_OwnStandardOutput_SameBytesAsAPlainWriter(string[] format)
    {
        string input = string.Join("\n", Lines) + "\n";
        var plain = CliRun.WithInput(input, ["query", "--input", "-", "--ndjson", .. format]);

        using var bytes = new MemoryStream();
        int code = PowersCli.Run(["query", "--input", "-", "--ndjson", .. format], new CliConsole(new StringWriter(), new StringWriter(), new StringReader(input), ErrorIsTerminal: false) { OutStream = bytes });

        Assert.Equal(plain.ExitCode, code);
        Assert.Equal(Encoding.UTF8.GetBytes(plain.Out), bytes.ToArray());
    }

    // Lines are read in batches of 128, on a thread of their own with four batches going round or on the caller's:
    // 1,100 lines are nine batches, the last part full, so every batch is read into again, and answers must still
    // come one a line, in order.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Run_LinesAcrossManyBatches_EachAnsweredInOrder(bool readAhead)
    {
        const int Copies = 100;
        var once = CliRun.WithInput(string.Join("\n", Lines) + "\n", "query", "--input", "-", "--ndjson", "--format", "outcomes").Out.Split('\n');
        var output = new StringWriter();
        int code = Stream(new StringReader(string.Concat(Enumerable.Repeat(string.Join("\n", Lines) + "\n", Copies))), output, readAhead);
        Assert.Equal(2, code);
        var answers = output.ToString().Split('\n');
        Assert.Equal((Lines.Length * Copies) + 1, answers.Length);
        for (int j = 0; j < Lines.Length * Copies; j++)
        {
            var expected = JObject.Parse(once[j % Lines.Length]);
            if (expected["line"] is not null)
            {
                // An error line names its own line number.
                expected["line"] = j + 1;
                Assert.True(JToken.DeepEquals(expected, JObject.Parse(answers[j])), "line " + (j + 1) + ": " + answers[j]);
                continue;
            }

            Assert.Equal(once[j % Lines.Length], answers[j]);
        }
    }

    // A read error part way: every line read before it is answered, then the error goes to the caller.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Run_InputFailsAfterSomeLines_LinesBeforeAnsweredThenTheErrorThrown(bool readAhead)
    {
        var output = new StringWriter();
        var error = Assert.Throws<IOException>(() => Stream(new FailingReader(string.Concat(Enumerable.Repeat(Lines[0] + "\n", 300))), output, readAhead));
        Assert.Equal("the disk went away", error.Message);
        Assert.Equal(300, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static readonly PowersEngine Engine = PowersEngine.LoadEmbedded();

    private static int Stream(TextReader input, StringWriter output, bool readAhead) =>
        Powers.Cli.Commands.NdjsonQueries.Run(
            new CliConsole(output, new StringWriter(), new StringReader(string.Empty), ErrorIsTerminal: false),
            Engine,
            new Powers.Cli.Commands.NdjsonLineReader(input),
            Powers.Cli.Commands.QueryFormats.Outcomes,
            Powers.Decisions.DecisionDetail.Outcomes,
            onlyPower: null,
            readAhead);

    // Gives its text, then fails.
    private sealed class FailingReader(string text) : TextReader
    {
        private int _at;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_at == text.Length)
            {
                throw new IOException("the disk went away");
            }

            int n = Math.Min(count, text.Length - _at);
            text.CopyTo(_at, buffer, index, n);
            _at += n;
            return n;
        }
    }
}
