using System.Text.Json;

namespace Parler.Cli.Connect;

/// <summary>
/// Reads JSON with comments and trailing commas into spans, so an edit can replace one member and leave every other
/// byte alone. The text is validated first by System.Text.Json, so the scanner below only meets well-formed input.
/// </summary>
internal sealed class JsoncReader
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly string _text;
    private int _at;

    private JsoncReader(string text) => _text = text;

    /// <summary>The root object, or null for an empty file; throws <see cref="InvalidDataException"/> naming the problem.</summary>
    public static JsoncObject? ReadRoot(string text)
    {
        var reader = new JsoncReader(text);
        reader.SkipTrivia();
        if (reader._at >= text.Length)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text, Lenient);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("the top level is not a JSON object");
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"it is not valid JSON: {ex.Message}", ex);
        }

        return reader.ReadObject();
    }

    public static JsonDocument Parse(string json) => JsonDocument.Parse(json, Lenient);

    private JsoncObject ReadObject()
    {
        var open = _at++;
        var members = new List<JsoncMember>();
        while (true)
        {
            SkipTrivia();
            if (_text[_at] == '}')
            {
                return new JsoncObject(open, _at++, members);
            }

            var keyStart = _at;
            var name = ReadString();
            SkipTrivia();
            _at++; // ':'
            SkipTrivia();
            var valueStart = _at;
            var value = _text[_at] == '{' ? ReadObject() : null;
            if (value is null)
            {
                SkipValue();
            }

            var valueEnd = _at;
            SkipTrivia();
            var commaEnd = -1;
            if (_text[_at] == ',')
            {
                commaEnd = ++_at;
            }

            members.Add(new JsoncMember(name, keyStart, valueStart, valueEnd, commaEnd, value));
        }
    }

    private void SkipValue()
    {
        switch (_text[_at])
        {
            case '{':
                ReadObject();
                return;
            case '[':
                _at++;
                while (true)
                {
                    SkipTrivia();
                    if (_text[_at] == ']')
                    {
                        _at++;
                        return;
                    }

                    SkipValue();
                    SkipTrivia();
                    if (_text[_at] == ',')
                    {
                        _at++;
                    }
                }

            case '"':
                ReadString();
                return;
            default:
                while (_at < _text.Length && !IsDelimiter(_text[_at]))
                {
                    _at++;
                }

                return;
        }
    }

    private static bool IsDelimiter(char c) => c is ',' or '}' or ']' or '/' || char.IsWhiteSpace(c);

    private string ReadString()
    {
        var start = _at++;
        while (_text[_at] != '"')
        {
            _at += _text[_at] == '\\' ? 2 : 1;
        }

        _at++;
        using var name = JsonDocument.Parse(_text.AsMemory(start, _at - start));
        return name.RootElement.GetString() ?? "";
    }

    private void SkipTrivia()
    {
        while (_at < _text.Length)
        {
            if (char.IsWhiteSpace(_text[_at]))
            {
                _at++;
            }
            else if (_text.AsSpan(_at).StartsWith("//"))
            {
                var end = _text.IndexOf('\n', _at);
                _at = end < 0 ? _text.Length : end + 1;
            }
            else if (_text.AsSpan(_at).StartsWith("/*"))
            {
                _at = _text.IndexOf("*/", _at + 2, StringComparison.Ordinal) + 2;
            }
            else
            {
                return;
            }
        }
    }
}
