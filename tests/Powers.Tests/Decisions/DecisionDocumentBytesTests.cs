using System.Text.Encodings.Web;
using System.Text.Json;
using Powers.Deciding;
using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;
using Powers.TestSupport;

namespace Powers.Tests.Decisions;

/// <summary>
/// The document copied from a plan's encoded bytes is the reference writer's document, byte for byte, at every
/// level of detail and with either encoder, for every shipped plan over random situations (complete, partial and
/// empty), stored and ad-hoc designations (made days too).
/// </summary>
public class DecisionDocumentBytesTests
{
    private static readonly JavaScriptEncoder?[] Encoders = [null, JavaScriptEncoder.UnsafeRelaxedJsonEscaping];

    [Fact]
    public void Write_EveryShippedPlan_SameBytesAsTheReferenceWriter()
    {
        var library = ShippedLibrary.Instance;
        var situations = new RandomSituations(library, seed: 20);
        double[] known = [1.0, 0.8, 0.5, 0.2, 0.0];
        int compared = 0;
        bool sawResidual = false, sawLowReading = false;
        foreach (var plan in LibraryPlans.All(library))
        {
            var buffer = plan.CreateBuffer();
            for (int i = 0; i < known.Length; i++)
            {
                var situation = situations.Next(known[i]);
                PlanDecider.Decide(plan, situation, ReferenceInterpreter.Instance, buffer);
                var designation = plan.Designation.Id is null && i % 2 == 1 ? DesignationMade(plan.Designation, new DateOnly(2016, 3, 1)) : plan.Designation;
                var decision = Decision.FromBuffer(plan, designation, plan.Date, buffer, situation);
                foreach (var encoder in Encoders)
                {
                    foreach (var detail in Enum.GetValues<DecisionDetail>())
                    {
                        string fast = Write(encoder, w => DecisionJsonWriter.Write(w, decision, detail, null, default));
                        string reference = Write(encoder, w => DecisionJsonWriter.WriteReference(w, decision, detail, null, onlyPower: null, default));
                        Assert.Equal(reference, fast);
                        compared++;
                        sawResidual |= fast.Contains("\"permittedIf\"", StringComparison.Ordinal);
                        sawLowReading |= fast.Contains("\"uncertain\":[{", StringComparison.Ordinal);
                    }
                }
            }
        }

        Assert.True(compared > 1000 && sawResidual && sawLowReading);
    }

    [Fact]
    public void Write_IndentedWriter_TheSameDocumentIndented()
    {
        var errors = new List<Powers.Queries.QueryError>();
        var query = Powers.Queries.QueryReader.Parse(ShippedLibrary.Instance, """{"date":"2018-06-01","designation":"met-pcso-base","facts":{"inUniform":true,"suspectedConduct":"anti-social-behaviour","minutesDetained":5}}""", errors)!;
        var decision = new PowersEngine(ShippedLibrary.Instance).Decide(query);
        string compact = Write(null, w => DecisionJsonWriter.Write(w, decision));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            DecisionJsonWriter.Write(writer, decision);
        }

        using var indented = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.Equal(compact, JsonSerializer.Serialize(indented.RootElement));
        Assert.Contains('\n', System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static Designation DesignationMade(Designation designation, DateOnly made) => Designation.AdHoc(designation.Force, designation.Powers, made);

    private static string Write(JavaScriptEncoder? encoder, Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
