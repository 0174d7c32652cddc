using Powers.Diagnostics;
using Powers.LanguageServer.Protocol;
using Powers.Syntax.Expressions;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.LanguageServer.Features;

/// <summary>
/// Semantic tokens for <c>when</c> expressions, which are JSON strings to every other tool: facts, enum values,
/// operators, keywords, numbers, the <c>granted</c>/<c>designated</c> calls and the power id they name. Tokens come
/// from the compiler's own lexer and are placed through the string's escapes, as its diagnostics are.
/// </summary>
internal static class SemanticTokensProvider
{
    public const int Fact = 0;
    public const int EnumValue = 1;
    public const int Operator = 2;
    public const int Keyword = 3;
    public const int Number = 4;
    public const int Call = 5;
    public const int PowerId = 6;

    /// <summary>The token types, in the order of the constants above (LSP standard names).</summary>
    public static SemanticTokensLegend Legend { get; } = new(["variable", "enumMember", "operator", "keyword", "number", "function", "string"], []);

    public static SemanticTokens Tokens(DocumentContext context)
    {
        var whens = new List<JsonString>();
        if (context.File.Root is { } root)
        {
            Collect(root, whens);
        }

        whens.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        var data = new List<int>();
        int line = 0;
        int character = 0;
        foreach (var when in whens)
        {
            if (when.Value.Length > ExpressionParser.MaxLength)
            {
                continue;
            }

            var tokens = new Lexer(when, context.Source, new DiagnosticBag()).Tokenize();
            for (int i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                bool call = token.Kind == TokenKind.Identifier && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.OpenParen;
                bool argument = token.Kind == TokenKind.Value && i >= 2 && tokens[i - 1].Kind == TokenKind.OpenParen && tokens[i - 2].Kind == TokenKind.Identifier;
                int type = token.Kind switch
                {
                    TokenKind.Identifier => call ? Call : Fact,
                    TokenKind.Value => argument ? PowerId : EnumValue,
                    TokenKind.Integer => Number,
                    TokenKind.True or TokenKind.False or TokenKind.Not or TokenKind.And or TokenKind.Or or TokenKind.In => Keyword,
                    TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual => Operator,
                    _ => -1,
                };
                if (type < 0)
                {
                    continue;
                }

                var span = when.SourceSpan(token.Span);
                var start = context.Source.GetLinePosition(span.Start);
                int tokenLine = start.Line - 1;
                int tokenCharacter = start.Column - 1;
                data.Add(tokenLine - line);
                data.Add(tokenLine == line ? tokenCharacter - character : tokenCharacter);
                data.Add(span.Length);
                data.Add(type);
                data.Add(0);
                line = tokenLine;
                character = tokenCharacter;
            }
        }

        return new SemanticTokens(data);
    }

    /// <summary>Every <c>when</c> string of the document.</summary>
    private static void Collect(JsonNode root, List<JsonString> into)
    {
        foreach (var p in JsonTreeWalk.Properties(root))
        {
            if (p.Name == "when" && p.Value is JsonString when)
            {
                into.Add(when);
            }
        }
    }
}
