using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Parler.Core.Json;

internal static partial class CanonicalJson
{
    private static readonly SearchValues<byte> MustEscape = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    /// <summary>
    /// A string token (value or name) as JCS spells it. JSON text must escape exactly what JCS escapes, so an unescaped
    /// token is already canonical; an escaped one is unescaped (refusing a lone surrogate) and escaped again the JCS way.
    /// </summary>
    private static void WriteUtf8String(ref Utf8JsonReader reader, Utf8Output output)
    {
        output.Write((byte)'"');
        if (!reader.ValueIsEscaped)
        {
            var raw = reader.ValueSpan;
            if (!System.Text.Unicode.Utf8.IsValid(raw))
            {
                throw new ArgumentException("A JSON string is not valid UTF-8; JCS requires valid Unicode.");
            }

            output.Write(raw);
        }
        else
        {
            var rented = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
            try
            {
                var text = rented.AsSpan(0, reader.CopyString(rented));
                if (!System.Text.Unicode.Utf8.IsValid(text))
                {
                    throw new ArgumentException("A JSON string is not valid Unicode; JCS requires valid Unicode.");
                }

                WriteEscaped(text, output);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        output.Write((byte)'"');
    }

    /// <summary>Escapes UTF-8 text as <see cref="WriteString"/> does: only quote, backslash and controls; all else stays literal.</summary>
    private static void WriteEscaped(ReadOnlySpan<byte> text, Utf8Output output)
    {
        while (true)
        {
            var next = text.IndexOfAny(MustEscape);
            if (next < 0)
            {
                output.Write(text);
                return;
            }

            output.Write(text[..next]);
            var c = text[next];
            switch (c)
            {
                case (byte)'"':
                    output.Write("\\\""u8);
                    break;
                case (byte)'\\':
                    output.Write("\\\\"u8);
                    break;
                case (byte)'\b':
                    output.Write("\\b"u8);
                    break;
                case (byte)'\t':
                    output.Write("\\t"u8);
                    break;
                case (byte)'\n':
                    output.Write("\\n"u8);
                    break;
                case (byte)'\f':
                    output.Write("\\f"u8);
                    break;
                case (byte)'\r':
                    output.Write("\\r"u8);
                    break;
                default:
                    output.Write("\\u00"u8);
                    output.Write((byte)HexDigits[c >> 4]);
                    output.Write((byte)HexDigits[c & 0xF]);
                    break;
            }

            text = text[(next + 1)..];
        }
    }

    /// <summary>A whole number of at most 15 digits is already in ECMAScript form (but -0); any other goes through double.</summary>
    private static void WriteNumber(ReadOnlySpan<byte> raw, Utf8Output output)
    {
        var digits = raw.Length > 0 && raw[0] == (byte)'-' ? raw[1..] : raw;
        if (digits.Length is > 0 and <= 15 && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9') && !(raw[0] == (byte)'-' && digits is [(byte)'0']))
        {
            output.Write(raw);
            return;
        }

        output.Write(Encoding.ASCII.GetBytes(EcmaScriptNumber.Format(EcmaScriptNumber.Parse(Encoding.ASCII.GetString(raw)))));
    }
}
