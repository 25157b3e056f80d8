using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parler.Core.Json;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: the one byte sequence every party hashes and signs,
/// whatever member order or number spelling the original document used.
/// </summary>
internal static partial class CanonicalJson
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Serialize(JsonNode? node) => StrictUtf8.GetBytes(SerializeToString(node));

    public static string SerializeToString(JsonNode? node)
    {
        var builder = new StringBuilder();
        WriteNode(builder, node);
        return builder.ToString();
    }

    /// <summary>The UTF-8 bytes of a canonical text (refusing a lone surrogate, as <see cref="Serialize(JsonNode?)"/> does).</summary>
    public static byte[] Bytes(string canonical) => StrictUtf8.GetBytes(canonical);

    /// <summary>The most bytes <see cref="WriteBytes"/> writes for a canonical text of this many chars.</summary>
    public static int MaxByteCount(int chars) => StrictUtf8.GetMaxByteCount(chars);

    /// <summary>Writes the UTF-8 bytes of a canonical text into <paramref name="destination"/>, as <see cref="Bytes"/> makes them; returns how many.</summary>
    public static int WriteBytes(ReadOnlySpan<char> canonical, Span<byte> destination) => StrictUtf8.GetBytes(canonical, destination);

    /// <summary>Appends a string as JCS spells it.</summary>
    public static void AppendString(StringBuilder builder, string text) => WriteString(builder, text);

    /// <summary>Appends a whole number as JCS spells it (through double, as every JSON number is).</summary>
    public static void AppendInteger(StringBuilder builder, long number)
    {
        if (number is >= -MaxExactInteger and <= MaxExactInteger)
        {
            builder.Append(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Append(EcmaScriptNumber.Format(number));
        }
    }

    /// <summary>2^53: every whole number up to it is a double exactly, and ECMAScript spells it as plain digits.</summary>
    private const long MaxExactInteger = 9_007_199_254_740_992;

    public static byte[] Serialize(JsonElement element)
    {
        var builder = new StringBuilder();
        WriteElement(builder, element);
        return StrictUtf8.GetBytes(builder.ToString());
    }

    private static void WriteNode(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                WriteObject(builder, obj);
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    WriteNode(builder, array[i]);
                }

                builder.Append(']');
                break;
            case JsonValue value:
                WriteValue(builder, value);
                break;
            default:
                throw new ArgumentException($"Unsupported JSON node type {node.GetType().Name}.", nameof(node));
        }
    }

    private static void WriteObject(StringBuilder builder, JsonObject obj)
    {
        var members = new List<KeyValuePair<string, JsonNode?>>(obj);
        members.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        builder.Append('{');
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            WriteString(builder, members[i].Key);
            builder.Append(':');
            WriteNode(builder, members[i].Value);
        }

        builder.Append('}');
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            WriteElement(builder, element);
            return;
        }

        if (value.TryGetValue<string>(out var text))
        {
            WriteString(builder, text);
            return;
        }

        if (value.TryGetValue<long>(out var whole))
        {
            AppendInteger(builder, whole);
            return;
        }

        if (value.TryGetValue<int>(out var small))
        {
            AppendInteger(builder, small);
            return;
        }

        if (value.TryGetValue<bool>(out var flag))
        {
            builder.Append(flag ? "true" : "false");
            return;
        }

        if (value.TryGetValue<double>(out var number))
        {
            builder.Append(EcmaScriptNumber.Format(number));
            return;
        }

        if (value.TryGetValue<float>(out var single))
        {
            builder.Append(EcmaScriptNumber.Format(single));
            return;
        }

        // Integers, decimals, Guids, dates and other CLR values: let System.Text.Json spell them, then
        // canonicalize that spelling, so large longs and decimals go through double as JCS requires.
        using var document = JsonDocument.Parse(value.ToJsonString());
        WriteElement(builder, document.RootElement);
    }
}
