using System.Text.Json;

namespace Parler.Core.Json;

internal static partial class CanonicalJson
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>
    /// The RFC 8785 form of UTF-8 JSON text, read token by token with no document in between: members sorted by their
    /// UTF-16 names, strings spelled as JCS spells them, numbers in ECMAScript form. Text already in that form comes back
    /// byte for byte. Refuses what the JsonNode form refuses (repeated names, invalid Unicode).
    /// </summary>
    public static byte[] Canonicalize(ReadOnlySpan<byte> json)
    {
        var output = new Utf8Output(json.Length + 16);
        var reader = new Utf8JsonReader(json, ReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException("There is no JSON value to canonicalize.");
        }

        WriteToken(ref reader, output);
        if (reader.Read())
        {
            throw new JsonException("More than one JSON value cannot be canonicalized.");
        }

        return output.ToArray();
    }

    private static void WriteToken(ref Utf8JsonReader reader, Utf8Output output)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                WriteObject(ref reader, output);
                break;
            case JsonTokenType.StartArray:
                output.Write((byte)'[');
                var first = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!first)
                    {
                        output.Write((byte)',');
                    }

                    first = false;
                    WriteToken(ref reader, output);
                }

                output.Write((byte)']');
                break;
            case JsonTokenType.String:
                WriteUtf8String(ref reader, output);
                break;
            case JsonTokenType.Number:
                WriteNumber(reader.ValueSpan, output);
                break;
            case JsonTokenType.True:
                output.Write("true"u8);
                break;
            case JsonTokenType.False:
                output.Write("false"u8);
                break;
            case JsonTokenType.Null:
                output.Write("null"u8);
                break;
            default:
                throw new JsonException($"Cannot canonicalize a JSON token of type {reader.TokenType}.");
        }
    }

    /// <summary>Writes each member's value where it falls, then, unless the names came sorted, rewrites the object in order.</summary>
    private static void WriteObject(ref Utf8JsonReader reader, Utf8Output output)
    {
        var start = output.Length;
        output.Write((byte)'{');
        var members = new List<(string Name, int Start, int End)>();
        var sorted = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            if (members.Count > 0)
            {
                // Equal names end up side by side once sorted, where the rewrite refuses them.
                sorted &= string.CompareOrdinal(members[^1].Name, name) < 0;

                output.Write((byte)',');
            }

            var memberStart = output.Length;
            WriteUtf8String(ref reader, output);
            output.Write((byte)':');
            reader.Read();
            WriteToken(ref reader, output);
            members.Add((name, memberStart, output.Length));
        }

        output.Write((byte)'}');
        if (sorted)
        {
            return;
        }

        var written = output.Slice(start, output.Length - start).ToArray();
        members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        output.Truncate(start);
        output.Write((byte)'{');
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                if (string.Equals(members[i - 1].Name, members[i].Name, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Duplicate property name \"{members[i].Name}\" cannot be canonicalized.");
                }

                output.Write((byte)',');
            }

            output.Write(written.AsSpan(members[i].Start - start, members[i].End - members[i].Start));
        }

        output.Write((byte)'}');
    }
}
