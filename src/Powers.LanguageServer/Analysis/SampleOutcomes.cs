using Powers.Model;

namespace Powers.LanguageServer.Analysis;

/// <summary>
/// The golden cases of a library decided once, so a code lens can show a power's outcome in a real situation of
/// that version: the first case whose query is decided under the version and which expects an outcome for it.
/// </summary>
internal sealed class SampleOutcomes
{
    private readonly Dictionary<(string Version, string Power), (GoldenCase Case, Outcome Outcome)> _byVersionAndPower = [];

    public static SampleOutcomes Build(RuleLibrary? library)
    {
        var samples = new SampleOutcomes();
        if (library is null)
        {
            return samples;
        }

        var engine = new PowersEngine(library);
        foreach (var c in library.Cases)
        {
            var decision = engine.Decide(c.Location.Source.GetText(c.Query.Span)).Decision;
            if (decision?.Version is null)
            {
                continue;
            }

            foreach (var power in decision.Powers)
            {
                if (c.Expect.ContainsKey(power.Power))
                {
                    samples._byVersionAndPower.TryAdd((decision.Version.Id, power.Power), (c, power.Outcome));
                }
            }
        }

        return samples;
    }

    public bool TryGet(string versionId, string power, out GoldenCase sample, out Outcome outcome)
    {
        if (_byVersionAndPower.TryGetValue((versionId, power), out var found))
        {
            (sample, outcome) = found;
            return true;
        }

        sample = null!;
        outcome = default;
        return false;
    }
}
