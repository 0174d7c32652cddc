using Powers.Batch;
using Powers.Planning;
using Powers.TestSupport;

namespace Powers.Tests.Batch;

public class SituationBatchTests
{
    private static readonly Powers.Binding.FactSchema Schema = ShippedLibrary.Instance.Schema;

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

    [Fact]
    public void Set_EveryKnownFactOfRandomSituations_PacksLikeAdd()
    {
        var library = ShippedLibrary.Instance;
        var random = new RandomSituations(library, seed: 99);
        var plan = LibraryPlans.All(library).First(p => p.Powers.Any(x => x.Kind == PowerPlanKind.Evaluate));
        var evaluator = new BatchDecider(plan);
        var viaAdd = new SituationBatch(library.Schema, 130);
        var viaSet = new SituationBatch(library.Schema, 130);
        for (int i = 0; i < 130; i++)
        {
            var s = random.Next(0.5);
            viaAdd.Add(s);
            int lane = viaSet.AddUnknown();
            for (int f = 0; f < library.Schema.Count; f++)
            {
                if (s.IsKnown(f))
                {
                    viaSet.Set(lane, f, s.ValueAt(f));
                }
            }
        }

        var a = evaluator.CreateOutcomes(130);
        var b = evaluator.CreateOutcomes(130);
        evaluator.Decide(viaAdd, a);
        evaluator.Decide(viaSet, b);
        for (int p = 0; p < plan.Powers.Count; p++)
        {
            Assert.Equal(a.ForPower(p).ToArray(), b.ForPower(p).ToArray());
        }
    }
}
