using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Parler.Hub.Storage;

/// <summary>
/// A fact as its <see cref="Parler.Core.Protocol.EventView"/> JSON, written straight from what the store holds: the same
/// bytes the serializer writes for an EventView (its fields in the record's order, strings escaped by the same default
/// encoder, the data raw), without the record. For answers of many facts (a catch-up), where the records would be garbage.
/// </summary>
internal static class FactWire
{
    private static readonly JsonEncodedText Seq = JsonEncodedText.Encode("seq");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText At = JsonEncodedText.Encode("at");
    private static readonly JsonEncodedText Actor = JsonEncodedText.Encode("actor");
    private static readonly JsonEncodedText Principal = JsonEncodedText.Encode("principal");
    private static readonly JsonEncodedText Authority = JsonEncodedText.Encode("authority");
    private static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText Prev = JsonEncodedText.Encode("prev");
    private static readonly JsonEncodedText Hash = JsonEncodedText.Encode("hash");
    private static readonly JsonEncodedText Stream = JsonEncodedText.Encode("stream");

    /// <summary>One fact from its columns as UTF-8 (a row of the stream read, and the stream's id).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(
        Utf8JsonWriter json, long seq, ReadOnlySpan<byte> type, long at, ReadOnlySpan<byte> actor, ReadOnlySpan<byte> principal,
        ReadOnlySpan<byte> authority, ReadOnlySpan<byte> data, ReadOnlySpan<byte> prev, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> stream)
    {
        json.WriteStartObject();
        json.WriteNumber(Seq, seq);
        json.WriteString(Type, type);
        json.WriteNumber(At, at);
        json.WriteString(Actor, actor);
        json.WriteString(Principal, principal);
        json.WriteString(Authority, authority);
        json.WritePropertyName(Data);

        // The log holds only JSON the hub serialized (as FactJsonConverter writes it): not parsed again here.
        json.WriteRawValue(data, skipInputValidation: true);
        json.WriteString(Prev, prev);
        json.WriteString(Hash, hash);
        json.WriteString(Stream, stream);
        json.WriteEndObject();
    }
}
