using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Parler.Hub.Storage;

/// <summary>
/// The elements of a JSON array of facts, each as its <see cref="Parler.Core.Protocol.EventView"/> JSON, written straight
/// from what the store holds into <paramref name="output"/>: the same bytes the serializer writes for an EventView (its
/// fields in the record's order, strings escaped by the same default encoder, the data raw), without the record. For
/// answers of many facts (a catch-up), where the records would be garbage.
/// </summary>
/// <remarks>
/// A fact whose strings need no escaping (the hub's ids, hashes and fact types never do) is measured and copied into one span of
/// the output; any other goes through a <see cref="Utf8JsonWriter"/>. Writing to the output directly also keeps each
/// request for memory the size of one fact: the JSON writer asks for 4 KiB at a time, which a chunked HTTP answer can
/// only give from a fresh array.
/// </remarks>
internal sealed class FactWire(IBufferWriter<byte> output, string stream)
{
    /// <summary>Bytes the default encoder never escapes; conservative (a string with any other goes the slow way).</summary>
    private static readonly SearchValues<byte> Plain =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:"u8);

    /// <summary>At least the bytes of the field names, quotes and punctuation of one fact (105 today).</summary>
    private const int Punctuation = 128;

    /// <summary>The stream's id as the answer writes it (escaped, should it ever need to be).</summary>
    private readonly JsonEncodedText _stream = JsonEncodedText.Encode(stream);

    private Utf8JsonWriter? _slow;

    /// <summary>Facts written so far (each after the first is preceded by a comma).</summary>
    public int Count { get; private set; }

    /// <summary>One fact of the stream from its columns as UTF-8 (a row of the stream read).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(
        long seq, ReadOnlySpan<byte> type, long at, ReadOnlySpan<byte> actor, ReadOnlySpan<byte> principal,
        ReadOnlySpan<byte> authority, ReadOnlySpan<byte> data, ReadOnlySpan<byte> prev, ReadOnlySpan<byte> hash)
    {
        var stream = _stream.EncodedUtf8Bytes;
        var comma = Count++ > 0 ? 1 : 0;
        if (!IsPlain(type) || !IsPlain(actor) || !IsPlain(principal) || !IsPlain(authority) || !IsPlain(prev) || !IsPlain(hash))
        {
            WriteEscaped(comma, seq, type, at, actor, principal, authority, data, prev, hash);
            return;
        }

        var length = comma + Punctuation + Digits(seq) + Digits(at) + type.Length + actor.Length + principal.Length + authority.Length
            + data.Length + prev.Length + hash.Length + stream.Length;
        var span = output.GetSpan(length);
        var pos = 0;
        if (comma == 1)
        {
            span[pos++] = (byte)',';
        }

        Put(span, ref pos, "{\"seq\":"u8);
        Number(span, ref pos, seq);
        Put(span, ref pos, ",\"type\":\""u8);
        Put(span, ref pos, type);
        Put(span, ref pos, "\",\"at\":"u8);
        Number(span, ref pos, at);
        Put(span, ref pos, ",\"actor\":\""u8);
        Put(span, ref pos, actor);
        Put(span, ref pos, "\",\"principal\":\""u8);
        Put(span, ref pos, principal);
        Put(span, ref pos, "\",\"authority\":\""u8);
        Put(span, ref pos, authority);
        Put(span, ref pos, "\",\"data\":"u8);

        // The log holds only JSON the hub serialized (as FactJsonConverter writes it): not parsed again here.
        Put(span, ref pos, data);
        Put(span, ref pos, ",\"prev\":\""u8);
        Put(span, ref pos, prev);
        Put(span, ref pos, "\",\"hash\":\""u8);
        Put(span, ref pos, hash);
        Put(span, ref pos, "\",\"stream\":\""u8);
        Put(span, ref pos, stream);
        Put(span, ref pos, "\"}"u8);
        output.Advance(pos);
    }

    private static bool IsPlain(ReadOnlySpan<byte> value) => !value.ContainsAnyExcept(Plain);

    /// <summary>The digits <paramref name="value"/> takes (an upper bound, 20, for a negative one).</summary>
    private static int Digits(long value)
    {
        if (value < 0)
        {
            return 20;
        }

        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    private static void Put(Span<byte> span, ref int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(span[at..]);
        at += bytes.Length;
    }

    private static void Number(Span<byte> span, ref int at, long value)
    {
        value.TryFormat(span[at..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        at += written;
    }

    /// <summary>A fact with a string the encoder escapes, through the JSON writer (as the serializer writes it).</summary>
    private void WriteEscaped(
        int comma, long seq, ReadOnlySpan<byte> type, long at, ReadOnlySpan<byte> actor, ReadOnlySpan<byte> principal,
        ReadOnlySpan<byte> authority, ReadOnlySpan<byte> data, ReadOnlySpan<byte> prev, ReadOnlySpan<byte> hash)
    {
        if (comma == 1)
        {
            output.Write(","u8);
        }

        var json = _slow ??= new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        json.Reset(output);
        json.WriteStartObject();
        json.WriteNumber("seq"u8, seq);
        json.WriteString("type"u8, type);
        json.WriteNumber("at"u8, at);
        json.WriteString("actor"u8, actor);
        json.WriteString("principal"u8, principal);
        json.WriteString("authority"u8, authority);
        json.WritePropertyName("data"u8);
        json.WriteRawValue(data, skipInputValidation: true);
        json.WriteString("prev"u8, prev);
        json.WriteString("hash"u8, hash);
        json.WriteString("stream"u8, _stream);
        json.WriteEndObject();
        json.Flush();
    }
}
