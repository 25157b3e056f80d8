using System.Text.Json;
using System.Text.Unicode;
using Parler.Hub.Errors;

namespace Parler.Hub.Actions;

/// <summary>
/// The body checks a JSON parser lets through and a store must not: bytes that are not UTF-8, escaped lone
/// surrogates (<c>"\ud800"</c>), and a key given twice in one object, each <c>invalid_json</c>; and a NUL character
/// (<c>validation_failed</c>). All before anything is read. The same pass checks the body is one JSON object and names its
/// top-level keys, so the input is deserialized straight from the bytes with no document in between.
/// </summary>
internal static class StrictJson
{
    /// <summary>Checks the body and answers the keys of its top-level object, in order.</summary>
    public static List<string> Check(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
        {
            throw Invalid("The body is not UTF-8. Send JSON encoded as UTF-8.");
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        var objects = new Stack<HashSet<string>?>();
        var keys = new List<string>();
        var isObject = false;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        isObject |= objects.Count == 0;
                        objects.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        objects.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        objects.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = Text(ref reader);
                        if (objects.Peek() is { } seen && !seen.Add(name))
                        {
                            throw Invalid($"The body gives the key '{name}' twice in one object. Send each key once.");
                        }

                        if (objects.Count == 1)
                        {
                            keys.Add(name);
                        }

                        break;
                    case JsonTokenType.String:
                        Text(ref reader);
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw Invalid($"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}). Send one JSON object.");
        }

        return isObject ? keys : throw Invalid("The body must be a JSON object, like {\"field\": \"value\"}.");
    }

    private static string Text(ref Utf8JsonReader reader)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw LoneSurrogate();
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw LoneSurrogate();
            }
            else if (text[i] == '\0')
            {
                throw Nul();
            }
        }

        return text;
    }

    private static HubException LoneSurrogate() =>
        Invalid("The body escapes a lone UTF-16 surrogate (like \"\\ud800\"), which is no character. Escape whole pairs, or send the character itself.");

    /// <summary>Valid JSON, but PostgreSQL keeps no NUL in text: refused on every store, so a record moves between them.</summary>
    public static HubException Nul() =>
        new(ErrorCodes.ValidationFailed, "A value holds U+0000 (NUL), which the record cannot keep. Leave it out.");

    private static HubException Invalid(string detail) => new(ErrorCodes.InvalidJson, detail);
}
