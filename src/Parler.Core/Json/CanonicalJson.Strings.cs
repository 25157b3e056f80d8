using System.Text;

namespace Parler.Core.Json;

internal static partial class CanonicalJson
{
    private const string HexDigits = "0123456789abcdef";

    // JCS escapes only what JSON forces it to; every other character, non-ASCII included, stays literal.
    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case < ' ':
                    builder.Append("\\u00").Append(HexDigits[c >> 4]).Append(HexDigits[c & 0xF]);
                    break;
                default:
                    if (char.IsSurrogate(c))
                    {
                        if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                        {
                            throw new ArgumentException($"String contains a lone surrogate at index {i}; JCS requires valid Unicode.");
                        }

                        builder.Append(c).Append(text[++i]);
                        break;
                    }

                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }
}
