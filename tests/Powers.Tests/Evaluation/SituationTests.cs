using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;

namespace Powers.Tests.Evaluation;

public class SituationTests
{
    private static readonly PowersEngine Engine = PowersEngine.LoadEmbedded();
    private static readonly RuleLibrary Library = Engine.Library;
    private static readonly DateOnly March2013 = new(2013, 3, 1);

    // Stop and search under a s.47A authorisation (TA 2000 s.47A; PRA Sch. 4 para. 15 as amended by PoFA 2012):
    // every clause holds for a met-2002-security CSO in uniform, in the area, with a constable, searching a vehicle,
    // unless the authorisation's age says otherwise. The age is left to each test.
    private static Situation StopAndSearchWithoutAge()
    {
        var s = new Situation(Library.Schema);
        s.Set("inUniform", true);
        s.Set("inPoliceArea", true);
        s.Set("constableInCompany", true);
        s.Set("terrorismAuthorisation", "s47a");
        s.Set("authorisationConfirmed", false);
        s.Set("searchOf", "vehicle");
        return s;
    }

    private static Outcome StopAndSearch(Situation situation)
    {
        Assert.True(Library.TryGetDesignation("met-2002-security", out var designation));
        var query = new Query(March2013, Library.VersionInForce("pra2002-sch4", March2013), designation, situation);
        return Engine.Decide(query).Find("stop-search-authorised-area")!.Outcome;
    }

    [Fact]
    public void Set_NegativeHoursByIndex_RejectedNamingTheFactAndNotStored()
    {
        var s = StopAndSearchWithoutAge();
        int hours = Library.Schema.Get("authorisationAgeHours").Index;

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => s.Set(hours, -5));

        Assert.Equal("authorisationAgeHours: must be 0 or more, not -5 (Parameter 'value')", e.Message);
        Assert.False(s.IsKnown(hours));
        Assert.Equal(Outcome.Undetermined, StopAndSearch(s));
    }

    [Fact]
    public void Set_NegativeHoursByName_RejectedAsTheJsonReaderRejectsIt()
    {
        var errors = new List<QueryError>();
        QueryReader.Parse(Library, """{"date":"2013-03-01","designation":"met-2002-security","facts":{"authorisationAgeHours":-5}}""", errors);
        var s = StopAndSearchWithoutAge();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => s.Set("authorisationAgeHours", -5));

        Assert.Equal("facts.authorisationAgeHours: must be 0 or more, not -5", Assert.Single(errors).ToString());
        Assert.StartsWith("authorisationAgeHours: must be 0 or more, not -5", e.Message, StringComparison.Ordinal);
        Assert.Equal(Outcome.Undetermined, StopAndSearch(s));
    }

    [Fact]
    public void Set_SevenInBoolSlot_RejectedAndCannotPermit()
    {
        var s = StopAndSearchWithoutAge();
        s.Unset("constableInCompany");
        s.Set("authorisationAgeHours", 20);
        int constable = Library.Schema.Get("constableInCompany").Index;

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => s.Set(constable, 7));

        Assert.Equal("constableInCompany: expected true or false (stored as 0 or 1), not 7 (Parameter 'value')", e.Message);
        Assert.False(s.IsKnown(constable));
        Assert.Equal(Outcome.Undetermined, StopAndSearch(s));
    }

    [Fact]
    public void Set_EnumIndexOutOfRange_Rejected()
    {
        var s = new Situation(Library.Schema);
        int searchOf = Library.Schema.Get("searchOf").Index;

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => s.Set(searchOf, 3));

        Assert.Equal("searchOf: stored value 3 is not the index of one of 'vehicle', 'item-carried', 'person' (0 to 2) (Parameter 'value')", e.Message);
        Assert.Equal(0UL, s.KnownMask);
    }

    [Fact]
    public void Set_UnknownEnumValueName_RejectedWithSuggestion()
    {
        var s = new Situation(Library.Schema);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => s.Set("searchOf", "vehicles"));

        Assert.Equal("searchOf: 'vehicles' is not one of 'vehicle', 'item-carried', 'person'; did you mean 'vehicle'? (Parameter 'value')", e.Message);
        Assert.Equal(0UL, s.KnownMask);
    }

    [Fact]
    public void Set_UnknownFactName_RejectedWithSuggestion()
    {
        var s = new Situation(Library.Schema);

        var e = Assert.Throws<ArgumentException>(() => s.Set("constablePresent", true));

        Assert.Equal("unknown fact 'constablePresent'; did you mean 'constableInCompany'? (Parameter 'name')", e.Message);
    }

    [Fact]
    public void Set_BoolValueOnIntFact_RejectedNamingTheType()
    {
        var s = new Situation(Library.Schema);

        var e = Assert.Throws<ArgumentException>(() => s.Set("authorisationAgeHours", true));

        Assert.Equal("authorisationAgeHours: is int; it cannot be set to true or false (Parameter 'fact')", e.Message);
        Assert.Equal(0UL, s.KnownMask);
    }

    [Fact]
    public void Set_SymbolOfAnotherSchema_Rejected()
    {
        var other = LibraryFromEmbeddedTwice();
        var s = new Situation(Library.Schema);

        var e = Assert.Throws<ArgumentException>(() => s.Set(other.Schema.Get("inUniform"), true));

        Assert.Equal("inUniform: the fact belongs to another fact schema than this situation's. (Parameter 'fact')", e.Message);
    }

    [Fact]
    public void Set_TypedHandles_StoreTheValues()
    {
        var schema = Library.Schema;
        var inUniform = schema.Bool("inUniform");
        var hours = schema.Int("authorisationAgeHours");
        var searchOf = schema.Enum("searchOf");
        var s = new Situation(schema);

        s.Set(inUniform, true);
        s.Set(hours, 0);
        s.Set(searchOf, "person");

        Assert.Equal(1, s.ValueAt(inUniform.Symbol.Index));
        Assert.Equal(0, s.ValueAt(hours.Symbol.Index));
        Assert.Equal(2, s.ValueAt(searchOf.Symbol.Index));
        Assert.True(s.IsKnown(hours.Symbol));
    }

    [Fact]
    public void Bool_IntFactName_RejectedNamingTheType()
    {
        var e = Assert.Throws<ArgumentException>(() => Library.Schema.Bool("authorisationAgeHours"));

        Assert.Equal("authorisationAgeHours: is int, not bool (Parameter 'name')", e.Message);
    }

    [Fact]
    public void CopyFrom_AnotherSchema_Rejected()
    {
        var other = new Situation(LibraryFromEmbeddedTwice().Schema);

        var e = Assert.Throws<ArgumentException>(() => new Situation(Library.Schema).CopyFrom(other));

        Assert.Equal("The situation follows another fact schema. (Parameter 'other')", e.Message);
    }

    [Fact]
    public void Constructor_NullSchema_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new Situation(null!));

        Assert.Equal("schema", e.ParamName);
    }

    // Outside the schema an index is refused as the argument it is, with the index given, not as whatever the slot
    // array or the schema's list would throw.
    [Fact]
    public void SetAndUnset_IndexOutsideTheSchema_RefusedNamingTheIndex()
    {
        var s = new Situation(Library.Schema);
        int count = Library.Schema.Count;

        foreach (int index in new[] { -1, count })
        {
            var set = Assert.Throws<ArgumentOutOfRangeException>(() => s.Set(index, 0));
            var unset = Assert.Throws<ArgumentOutOfRangeException>(() => s.Unset(index));

            Assert.Equal(("index", (object)index), (set.ParamName, set.ActualValue));
            Assert.Equal(("index", (object)index), (unset.ParamName, unset.ActualValue));
        }

        Assert.Equal(UInt128.Zero, s.KnownMask);
    }

    [Fact]
    public void Set_NullEnumValueName_ThrowsNamingIt()
    {
        var s = new Situation(Library.Schema);

        var e = Assert.Throws<ArgumentNullException>(() => s.Set(Library.Schema.Get("searchOf"), (string)null!));

        Assert.Equal("value", e.ParamName);
        Assert.Equal(UInt128.Zero, s.KnownMask);
    }

    [Fact]
    public void Set_NullFactSymbol_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new Situation(Library.Schema).Set((FactSymbol)null!, true));

        Assert.Equal("fact", e.ParamName);
    }

    [Fact]
    public void Set_WholeNumberOnBoolFact_RejectedNamingTheType()
    {
        var s = new Situation(Library.Schema);

        var e = Assert.Throws<ArgumentException>(() => s.Set("inUniform", 1));

        Assert.Equal("inUniform: is bool; it cannot be set to a whole number (Parameter 'fact')", e.Message);
        Assert.Equal(UInt128.Zero, s.KnownMask);
    }

    [Fact]
    public void Set_ValueNameOnIntFact_RejectedNamingTheType()
    {
        var s = new Situation(Library.Schema);

        var e = Assert.Throws<ArgumentException>(() => s.Set("authorisationAgeHours", "twenty"));

        Assert.Equal("authorisationAgeHours: is int; it cannot be set to a value name (Parameter 'fact')", e.Message);
        Assert.Equal(UInt128.Zero, s.KnownMask);
    }

    // Clear makes the situation what a new one is, slot for slot, so a reused situation carries nothing over.
    [Fact]
    public void Clear_AfterSettingFacts_SameAsANewSituation()
    {
        var s = StopAndSearchWithoutAge();
        s.Set("authorisationAgeHours", 20);
        var fresh = new Situation(Library.Schema);

        s.Clear();

        Assert.Equal(UInt128.Zero, s.KnownMask);
        Assert.Equal(Enumerable.Range(0, Library.Schema.Count).Select(fresh.ValueAt), Enumerable.Range(0, Library.Schema.Count).Select(s.ValueAt));
        Assert.Equal(Outcome.Undetermined, StopAndSearch(s));
    }

    [Fact]
    public void CopyFrom_Null_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new Situation(Library.Schema).CopyFrom(null!));

        Assert.Equal("other", e.ParamName);
    }

    private static RuleLibrary LibraryFromEmbeddedTwice() => PowersEngine.LoadEmbedded().Library;
}
