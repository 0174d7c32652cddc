using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Powers.Analysis;
using Powers.Compilation;
using Powers.Decisions;
using Powers.Diagnostics;
using Powers.Model;
using Powers.Planning;
using Powers.Queries;

namespace Powers.Workbench;

/// <summary>
/// What the page asks of the server. Every answer comes from the library's own parts: the query reader and engine of
/// <c>powers query</c>, the differ of <c>powers diff</c>, the runners of <c>powers test</c> and <c>powers verify</c>.
/// </summary>
internal sealed class WorkbenchApi
{
    private readonly RulesFolder _folder;
    private readonly LibraryState _library;
    private readonly AnalysisBudget _budget;

    public WorkbenchApi(RulesFolder folder, LibraryState library, AnalysisBudget budget)
    {
        _folder = folder;
        _library = library;
        _budget = budget;
    }

    /// <summary>The catalogues the situation form is built from, and the library's errors when it does not compile.</summary>
    public async Task Library(HttpContext context)
    {
        var (result, _) = _library.Current();
        await WriteJson(context, 200, w =>
        {
            w.WriteString("root", _folder.Root);
            w.WriteString("rootUri", new Uri(_folder.Root + Path.DirectorySeparatorChar).AbsoluteUri);
            w.WriteStartArray("files");
            foreach (string f in _folder.List())
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
            w.WriteStartArray("errors");
            foreach (var d in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(50))
            {
                w.WriteStringValue(MsBuildFormatter.Format(d).Replace(_folder.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal));
            }

            w.WriteEndArray();
            if (result.Library is not { } library)
            {
                return;
            }

            WriteObjects(w, "facts", library.Schema.Facts, static (w, fact) =>
            {
                w.WriteString("name", fact.Name);
                w.WriteString("type", fact.TypeName);
                w.WriteString("text", fact.Text);
                if (fact.Kind == Binding.FactKind.Enum)
                {
                    w.WriteStartArray("values");
                    foreach (string v in fact.Values)
                    {
                        w.WriteStringValue(v);
                    }

                    w.WriteEndArray();
                }
                else if (fact.Kind == Binding.FactKind.Int)
                {
                    w.WriteNumber("min", fact.Min);
                }
            });
            WriteObjects(w, "designations", library.Designations, static (w, d) =>
            {
                w.WriteString("id", d.Id);
                w.WriteString("title", d.Title);
                w.WriteString("force", d.Force);
                w.WriteString("effective", d.Effective.ToString());
            });
            WriteObjects(w, "forces", library.Forces, static (w, f) =>
            {
                w.WriteString("id", f.Id);
                w.WriteString("name", f.Name);
            });
            WriteObjects(w, "powers", library.Powers, static (w, p) =>
            {
                w.WriteString("id", p.Id);
                w.WriteString("title", p.Title);
            });
            w.WriteStartArray("versions");
            foreach (var v in library.Versions)
            {
                WriteVersion(w, v);
            }

            w.WriteEndArray();
        });
    }

    public async Task ReadFile(HttpContext context)
    {
        if (await Resolve(context) is not { } full)
        {
            return;
        }

        if (!File.Exists(full))
        {
            await WriteError(context, 404, "no such file: " + context.Request.Query["path"]);
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(RulesFolder.Read(full), context.RequestAborted);
    }

    /// <summary>Saves a file (an atomic replace). A file that does not compile still saves; the problems show in the editor.</summary>
    public async Task WriteFile(HttpContext context)
    {
        if (await Resolve(context) is not { } full)
        {
            return;
        }

        using var reader = new StreamReader(context.Request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true));
        string text;
        try
        {
            text = await reader.ReadToEndAsync(context.RequestAborted);
        }
        catch (DecoderFallbackException)
        {
            await WriteError(context, 400, "the file is not UTF-8 text");
            return;
        }

        RulesFolder.Write(full, text);
        _library.Invalidate();
        await WriteJson(context, 200, w => w.WriteBoolean("saved", true));
    }

    /// <summary>Decides a query document exactly as <c>powers query --input FILE --format json</c> does.</summary>
    public async Task Decide(HttpContext context)
    {
        if (await Engine(context) is not { } engine)
        {
            return;
        }

        string text = await ReadBody(context);
        var read = engine.Read(text);
        if (read.Query is not { } query)
        {
            await WriteQueryErrors(context, read.Errors);
            return;
        }

        var decision = engine.Decide(query);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var w = new Utf8JsonWriter(context.Response.Body);
        DecisionJsonWriter.Write(w, decision);
    }

    /// <summary>
    /// One power under every version of its family, the Bill first: the outcome for the page's designation and facts
    /// (the query with <c>ruleset</c> instead of a date), and what changed from the version before (the diff engine).
    /// </summary>
    public async Task Timeline(HttpContext context)
    {
        if (await Engine(context) is not { } engine)
        {
            return;
        }

        using var body = await Body(context);
        if (body is null)
        {
            return;
        }

        var root = body.RootElement;
        string? power = root.TryGetProperty("power", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var library = engine.Library;
        if (power is null || library.IndexOfPower(power) < 0)
        {
            await WriteError(context, 400, "power: give a power of the library");
            return;
        }

        string designation = root.TryGetProperty("designation", out var d) ? d.GetRawText() : "null";
        string facts = root.TryGetProperty("facts", out var f) ? f.GetRawText() : "{}";
        string? family = library.Versions.FirstOrDefault(v => v.Powers.ContainsKey(power))?.Family ?? library.DefaultFamily;
        var versions = library.Versions.Where(v => v.Family == family).ToList();
        var entries = new List<(RuleSetVersion Version, PowerDecision? Decision, IReadOnlyList<OutcomeChange> Changes)>();
        DecisionPlan? previous = null;
        foreach (var version in versions)
        {
            var read = engine.Read("{\"ruleset\":" + JsonSerializer.Serialize(version.Id) + ",\"designation\":" + designation + ",\"facts\":" + facts + "}");
            if (read.Query is not { } query)
            {
                await WriteQueryErrors(context, read.Errors);
                return;
            }

            var plan = PlanBuilder.Build(library, version, query.Designation, null);
            IReadOnlyList<OutcomeChange> changes = [];
            if (previous is not null)
            {
                var diff = OutcomeDiffer.Compare(previous, plan, power, _budget);
                if (diff.Stopped is { } stop)
                {
                    await TooLarge(context, stop);
                    return;
                }

                changes = diff.Changes;
            }

            entries.Add((version, engine.Decide(query).Find(power), changes));
            previous = plan;
        }

        await WriteJson(context, 200, w =>
        {
            w.WriteString("power", power);
            w.WriteStartArray("versions");
            foreach (var (version, decision, changes) in entries)
            {
                w.WriteStartObject();
                w.WriteString("id", version.Id);
                w.WriteString("title", version.Title);
                w.WriteString("effective", version.Effective.ToString());
                w.WriteString("outcome", decision is null ? "absent" : OutcomeNames.Name(decision.Outcome));
                if (decision?.Cite is { } cite)
                {
                    w.WriteString("cite", cite);
                }

                w.WriteStartArray("changed");
                foreach (string c in version.Changes)
                {
                    w.WriteStringValue(c);
                }

                w.WriteEndArray();
                w.WriteStartArray("sources");
                foreach (string s in version.Sources)
                {
                    w.WriteStringValue(s);
                }

                w.WriteEndArray();
                WriteChanges(w, changes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary>What changes between two versions for a designation, as <c>powers diff --from A --to B</c> finds it.</summary>
    public async Task Diff(HttpContext context)
    {
        if (await Engine(context) is not { } engine)
        {
            return;
        }

        using var body = await Body(context);
        if (body is null)
        {
            return;
        }

        var root = body.RootElement;
        var library = engine.Library;
        string from = root.TryGetProperty("from", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : string.Empty;
        string to = root.TryGetProperty("to", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : string.Empty;
        string designation = root.TryGetProperty("designation", out var d) ? d.GetRawText() : "null";
        string? power = root.TryGetProperty("power", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var readA = engine.Read("{\"ruleset\":" + JsonSerializer.Serialize(from) + ",\"designation\":" + designation + "}");
        var readB = engine.Read("{\"ruleset\":" + JsonSerializer.Serialize(to) + ",\"designation\":" + designation + "}");
        if (readA.Query is not { } qa || readB.Query is not { } qb)
        {
            await WriteQueryErrors(context, [.. readA.Errors, .. readB.Errors]);
            return;
        }

        var diff = OutcomeDiffer.Compare(PlanBuilder.Build(library, qa.Version, qa.Designation, null), PlanBuilder.Build(library, qb.Version, qb.Designation, null), power, _budget);
        if (diff.Stopped is { } stop)
        {
            await TooLarge(context, stop);
            return;
        }

        await WriteJson(context, 200, w =>
        {
            w.WriteString("from", from);
            w.WriteString("to", to);
            WriteChanges(w, diff.Changes);
        });
    }

    /// <summary>The golden cases (<c>powers test</c>) and the assertions (<c>powers verify</c>), each with the situation to open.</summary>
    public async Task Prove(HttpContext context)
    {
        if (await Engine(context) is not { } engine)
        {
            return;
        }

        var cases = GoldenCaseRunner.Run(engine);
        var assertions = AssertionVerifier.VerifyAll(engine.Library, _budget);
        await WriteJson(context, 200, w =>
        {
            w.WriteStartArray("cases");
            foreach (var r in cases)
            {
                w.WriteStartObject();
                w.WriteString("name", r.Case.Name);
                w.WriteString("location", Relative(r.Case.Location.ToString()));
                w.WriteBoolean("passed", r.Passed);
                w.WriteStartArray("failures");
                foreach (string failure in r.Failures)
                {
                    w.WriteStringValue(failure);
                }

                w.WriteEndArray();
                if (r.Case.Cite is { } cite)
                {
                    w.WriteString("cite", cite);
                }

                w.WritePropertyName("query");
                w.WriteRawValue(r.Case.Location.Source.GetText(r.Case.Query.Span), skipInputValidation: false);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("assertions");
            foreach (var r in assertions)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Assertion.Id);
                w.WriteString("text", r.Assertion.Text);
                w.WriteString("cite", r.Assertion.Cite);
                w.WriteString("location", Relative(r.Assertion.Location.ToString()));
                w.WriteBoolean("proved", r.Proved);
                w.WriteBoolean("refuted", r.Refuted);
                if (r.Stopped is { } stopped)
                {
                    w.WriteString("stopped", stopped.ToString());
                }

                if (r.Counterexample is { } c)
                {
                    w.WriteString("power", c.Power);
                    w.WriteString("outcome", OutcomeNames.Name(c.Outcome));
                    w.WritePropertyName("query");
                    w.WriteRawValue(c.QueryJson);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("passed", cases.Count(c => c.Passed));
            w.WriteNumber("failed", cases.Count(c => !c.Passed));
            // Counted as powers verify's last line counts them.
            w.WriteNumber("proved", assertions.Count - assertions.Count(a => a.Refuted));
            w.WriteNumber("refuted", assertions.Count(a => a.Refuted));
        });
    }

    // An array of objects, each item's properties written by writeProperties.
    private static void WriteObjects<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeProperties)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            writeProperties(w, item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteVersion(Utf8JsonWriter w, RuleSetVersion v)
    {
        w.WriteStartObject();
        w.WriteString("id", v.Id);
        w.WriteString("title", v.Title);
        w.WriteString("effective", v.Effective.ToString());
        if (!v.Effective.Never)
        {
            w.WriteString("from", EffectiveRange.Format(v.Effective.From));
        }

        w.WriteEndObject();
    }

    private static void WriteChanges(Utf8JsonWriter w, IReadOnlyList<OutcomeChange> changes)
    {
        w.WriteStartArray("changes");
        foreach (var c in changes)
        {
            w.WriteStartObject();
            w.WriteString("power", c.Power);
            w.WriteString("from", OutcomeNames.Name(c.From));
            w.WriteString("to", OutcomeNames.Name(c.To));
            w.WriteString("when", c.When);
            w.WriteBoolean("exact", c.Exact);
            w.WriteStartObject("example");
            foreach (var v in c.Example)
            {
                w.WritePropertyName(v.Fact.Name);
                w.WriteRawValue(v.JsonText);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private string Relative(string location) => location.Replace(_folder.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);

    private async Task<string?> Resolve(HttpContext context)
    {
        string? full = _folder.Resolve(context.Request.Query["path"], out string? refusal);
        if (full is null)
        {
            await WriteError(context, 403, refusal!);
        }

        return full;
    }

    private async Task<PowersEngine?> Engine(HttpContext context)
    {
        var (result, engine) = _library.Current();
        if (engine is null)
        {
            await WriteJson(context, 409, w =>
            {
                w.WriteString("error", "the rule library does not compile: fix its errors first");
                w.WriteStartArray("errors");
                foreach (var d in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(50))
                {
                    w.WriteStringValue(Relative(MsBuildFormatter.Format(d)));
                }

                w.WriteEndArray();
            });
        }

        return engine;
    }

    private static async Task<string> ReadBody(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    private static async Task<JsonDocument?> Body(HttpContext context)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
        }

        await WriteError(context, 400, "the body must be a JSON object");
        return null;
    }

    private static Task WriteQueryErrors(HttpContext context, IEnumerable<QueryError> errors) =>
        WriteJson(context, 400, w =>
        {
            w.WriteStartArray("errors");
            foreach (var e in errors)
            {
                w.WriteStringValue(e.ToString());
            }

            w.WriteEndArray();
        });

    /// <summary>An analysis that ran out of its budget: the reason, as <c>powers diff</c> gives it, and no partial answer.</summary>
    private static Task TooLarge(HttpContext context, AnalysisStop stop) =>
        WriteError(context, 422, "too large: " + stop.Message + "; narrow it with a power or a designation");

    internal static Task WriteError(HttpContext context, int status, string message) =>
        WriteJson(context, status, w => w.WriteString("error", message));

    private static async Task WriteJson(HttpContext context, int status, Action<Utf8JsonWriter> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }
}
