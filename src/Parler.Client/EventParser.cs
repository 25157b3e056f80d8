using System.Runtime.CompilerServices;
using System.Text.Json;
using Parler.Core.Facts;
using Parler.Core.Protocol;

namespace Parler.Client;

/// <summary>
/// One <see cref="EventView"/> from a reader over part of an answer: its data is its bytes copied into packed chunks
/// (<see cref="FactDataArena"/>; never parsed into a document), its repeated strings are shared
/// (<see cref="RecentStrings"/>), and its prev is the previous fact's hash string when the bytes match. Fields it does not know are skipped, as the lenient reader does.
/// </summary>
internal sealed class EventParser
{
    private readonly RecentStrings _types = new();
    private readonly RecentStrings _actors = new();
    private readonly RecentStrings _principals = new();
    private readonly RecentStrings _authorities = new();
    private readonly RecentStrings _streams = new();
    private readonly FactDataArena _data = new();
    private readonly byte[] _lastHashUtf8 = new byte[128];
    private int _lastHashLength;
    private string? _lastHash;

    /// <summary>
    /// Reads the event whose '{' the reader is on; false when the bytes end first (the reader is then to be rewound).
    /// <paramref name="buffer"/> is what the reader reads, from <paramref name="offset"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryRead(ref Utf8JsonReader reader, byte[] buffer, int offset, out EventView? view)
    {
        view = null;
        long seq = 0, at = 0;
        string? type = null, actor = null, principal = null, authority = null, prev = null, hash = null, stream = null;
        FactJson? data = null;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var field = Field(ref reader);
            if (!reader.Read())
            {
                return false;
            }

            switch (field)
            {
                case 1: seq = reader.GetInt64(); break;
                case 2: type = _types.Get(ref reader); break;
                case 3: at = reader.GetInt64(); break;
                case 4: actor = _actors.Get(ref reader); break;
                case 5: principal = _principals.Get(ref reader); break;
                case 6: authority = _authorities.Get(ref reader); break;
                case 7: stream = _streams.Get(ref reader); break;
                case 8: prev = Prev(ref reader); break;
                case 9: hash = Hash(ref reader); break;
                case 10:
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new JsonException("A fact's data is a JSON object.");
                    }

                    var start = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        return false;
                    }

                    data = FactJson.Of(_data.Copy(buffer.AsSpan(offset + start, (int)reader.BytesConsumed - start)));
                    break;
                default:
                    if (!reader.TrySkip())
                    {
                        return false;
                    }

                    break;
            }
        }

        view = new EventView(seq, type!, at, actor!, principal!, authority!, data!, prev!, hash!, stream!);
        return true;
    }

    /// <summary>Which field the property name the reader is on names; 0 for one this reader does not know.</summary>
    private static int Field(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("seq"u8) ? 1
        : reader.ValueTextEquals("type"u8) ? 2
        : reader.ValueTextEquals("at"u8) ? 3
        : reader.ValueTextEquals("actor"u8) ? 4
        : reader.ValueTextEquals("principal"u8) ? 5
        : reader.ValueTextEquals("authority"u8) ? 6
        : reader.ValueTextEquals("stream"u8) ? 7
        : reader.ValueTextEquals("prev"u8) ? 8
        : reader.ValueTextEquals("hash"u8) ? 9
        : reader.ValueTextEquals("data"u8) ? 10
        : 0;

    /// <summary>A fact's prev is, in a page, the hash just read: the same string then.</summary>
    private string? Prev(ref Utf8JsonReader reader) =>
        _lastHash is not null && !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(_lastHashUtf8.AsSpan(0, _lastHashLength))
            ? _lastHash
            : reader.GetString();

    private string? Hash(ref Utf8JsonReader reader)
    {
        var hash = reader.GetString();
        if (hash is not null && !reader.ValueIsEscaped && reader.ValueSpan.Length <= _lastHashUtf8.Length)
        {
            reader.ValueSpan.CopyTo(_lastHashUtf8);
            (_lastHashLength, _lastHash) = (reader.ValueSpan.Length, hash);
        }

        return hash;
    }
}
