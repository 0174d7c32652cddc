using Powers.Analysis;
using Powers.Compilation;
using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Queries;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Analysis;

public class ResidualAnalyzerTests
{
    private static readonly RuleLibrary Shipped = LibraryCompiler.CompileDirectory(RepositoryRules.Directory).ThrowIfFailed();

    [Fact]
    public void Compute_S47aAfter48Hours_NeedsConfirmationConstableVehicleAndArea()
    {
        // TA 2000 Sch. 6B para. 7(2): an unconfirmed authorisation lapses after 48 hours; PRA Sch. 4 para. 15: only with
        // a constable, only vehicles and things carried, in the relevant police area (the s.47A(4) purpose is given).
        var residual = ResidualOf(Shipped, """{ "date": "2013-01-01", "designation": "met-2002-security", "facts": { "inUniform": true, "terrorismAuthorisation": "s47a", "authorisationAgeHours": 50, "searchPurpose": "terrorism-evidence" } }""", "stop-search-authorised-area");
        Assert.Equal("authorisationConfirmed and constableInCompany and searchOf in ['vehicle', 'item-carried'] and inPoliceArea", residual.Condition);
        Assert.Equal("inPoliceArea=true, constableInCompany=true, authorisationConfirmed=true, searchOf=vehicle", string.Join(", ", residual.Example!));
    }

    [Fact]
    public void Compute_ContradictoryUnknownClauses_IsFalseWithoutExample()
    {
        var library = Library(Clause("a", "minutesDetained < 30") + ", " + Clause("b", "minutesDetained >= 40"));
        var residual = ResidualOf(library, """{ "date": "2011-01-01", "designation": { "force": "kent", "powers": ["road-check"] } }""", "road-check");
        Assert.Equal("false", residual.Condition);
        Assert.Null(residual.Example);
    }

    [Fact]
    public void Compute_UnknownClauseThatEveryValueSatisfies_IsTrue()
    {
        var library = Library(Clause("a", "inUniform or not inUniform"));
        var residual = ResidualOf(library, """{ "date": "2011-01-01", "designation": { "force": "kent", "powers": ["road-check"] } }""", "road-check");
        Assert.Equal("true", residual.Condition);
        Assert.Equal("inUniform=false", string.Join(", ", residual.Example!));
    }

    [Fact]
    public void Compute_ComparisonWithKnownFact_PrintsItsValue()
    {
        var library = Library(Clause("a", "minutesDetained < cordonAgeDays") + ", " + Clause("b", "inUniform or constableInCompany"));
        var residual = ResidualOf(library, """{ "date": "2011-01-01", "designation": { "force": "kent", "powers": ["road-check"] }, "facts": { "cordonAgeDays": 10, "inUniform": false } }""", "road-check");
        Assert.Equal("minutesDetained < 10 and constableInCompany", residual.Condition);
        Assert.Equal("constableInCompany=true, minutesDetained=0", string.Join(", ", residual.Example!));
    }

    internal static Residual ResidualOf(RuleLibrary library, string queryJson, string power)
    {
        var errors = new List<QueryError>();
        var query = QueryReader.Parse(library, queryJson, errors) ?? throw new InvalidOperationException(string.Join("; ", errors));
        var plan = PlanBuilder.Build(library, query.Version, query.Designation, query.Date);
        var buffer = plan.CreateBuffer();
        PlanDecider.Decide(plan, query.Situation, ReferenceInterpreter.Instance, buffer);
        int index = library.IndexOfPower(power);
        Assert.Equal(Outcome.Undetermined, buffer.Outcomes[index]);
        return ResidualAnalyzer.ComputeAll(plan, buffer, query.Situation, new AnalysisMeter(AnalysisBudget.Unlimited))[index]!;
    }

    private static string Clause(string id, string when) =>
        "{ \"id\": \"" + id + "\", \"when\": \"" + when + "\", \"cite\": \"Test Act, s. 1\", \"text\": \"Must hold.\" }";

    private static RuleLibrary Library(string clauses) => TestLibrary.Compile(("test/a.json", TestLibrary.RuleSet(
        "a", """{ "from": "2010-01-01" }""", "\"road-check\": { \"title\": \"T\", \"cite\": \"Test Act, s. 1\", \"clauses\": [" + clauses + "] }"))).ThrowIfFailed();
}
