using Powers.Evaluation;

namespace Powers.Properties.Tests.Generators;

/// <summary>One call of a situation's typed API, with arguments drawn from valid and invalid values alike.</summary>
/// <param name="Kind">The setter.</param>
/// <param name="Name">The fact name (or a misspelling).</param>
/// <param name="Index">The raw index, for <see cref="TypedCallKind.Raw"/>.</param>
/// <param name="Number">The integer value.</param>
/// <param name="Flag">The boolean value.</param>
/// <param name="Text">The enum value name (or a wrong one).</param>
public sealed record TypedCall(TypedCallKind Kind, string Name, int Index, int Number, bool Flag, string Text)
{
    /// <summary>Makes the call; an <see cref="ArgumentException"/> is the API's rejection and is returned, not thrown.</summary>
    public ArgumentException? Apply(Situation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        try
        {
            switch (Kind)
            {
                case TypedCallKind.BoolByName:
                    situation.Set(Name, Flag);
                    break;
                case TypedCallKind.IntByName:
                    situation.Set(Name, Number);
                    break;
                case TypedCallKind.TextByName:
                    situation.Set(Name, Text);
                    break;
                case TypedCallKind.IntBySymbol:
                    situation.Set(situation.Schema.Get(Name), Number);
                    break;
                case TypedCallKind.TextBySymbol:
                    situation.Set(situation.Schema.Get(Name), Text);
                    break;
                case TypedCallKind.Raw:
                    situation.Set(Index, Number);
                    break;
                default:
                    situation.Unset(Name);
                    break;
            }

            return null;
        }
        catch (ArgumentException e)
        {
            return e;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        TypedCallKind.BoolByName => $"Set(\"{Name}\", {(Flag ? "true" : "false")})",
        TypedCallKind.IntByName or TypedCallKind.IntBySymbol => $"Set({Name}, {Number})",
        TypedCallKind.TextByName or TypedCallKind.TextBySymbol => $"Set({Name}, \"{Text}\")",
        TypedCallKind.Raw => $"Set({Index}, {Number})",
        _ => $"Unset(\"{Name}\")",
    };
}
