
using Powers.Batch;

namespace Powers.Tests.Batch;

public class SituationBatchTests
{
    private static readonly Powers.Binding.FactSchema Schema = PowersEngine.LoadEmbedded().Library.Schema;

    [Fact]
    public void Set_NegativeHours_RejectedNamingTheFact()
    {
        var batch = new SituationBatch(Schema, 1);
        int lane = batch.AddUnknown();
        int hours = Schema.Get("authorisationAgeHours").Index;

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => batch.Set(lane, hours, -5));

        Assert.Equal("authorisationAgeHours: must be 0 or more, not -5 (Parameter 'value')", e.Message);
        batch.Set(lane, hours, 0);
    }
}
