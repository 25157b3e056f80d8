using System.Runtime.CompilerServices;
using System.Text.Json;
using Parler.Core.Protocol;

namespace Parler.Client;

/// <summary>
/// Reads a <see cref="ReadEventsResponse"/> from an answer as it arrives, for a catch-up of many MB: the bytes go into
/// one 1 MB buffer, each fact is parsed as soon as it is whole (<see cref="EventParser"/>), which copies its data into
/// packed chunks (<see cref="FactDataArena"/>, about half the answer's bytes), and the unparsed tail moves to the
/// buffer's start (a larger buffer only for a fact that fills it). Fields it does not know are skipped, as the lenient
/// reader does.
/// </summary>
internal sealed class EventPageReader
{
    private const int BufferSize = 1 << 20;

    private readonly EventParser _parser = new();
    private readonly List<EventView> _events = [];
    private string? _room;
    private long _cursor;
    private long _head;
    private bool _more;
    private bool _inEvents;
    private bool _done;

    public static async ValueTask<ReadEventsResponse> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var page = new EventPageReader();
        var buffer = new byte[BufferSize];
        int start = 0, end = 0;
        var state = default(JsonReaderState);
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
            end += read;
            start += page.Parse(buffer, start, end, read == 0, ref state);
            if (page._done)
            {
                return new ReadEventsResponse(page._room!, page._events, page._cursor, page._head, page._more);
            }

            if (read == 0)
            {
                throw new JsonException("The answer ended before its JSON did.");
            }

            if (end == buffer.Length)
            {
                // Nothing parsed points into the buffer (the parser copied each fact's data out): the unparsed tail moves to
                // its start, or to a larger buffer when one unit fills it.
                var next = start > 0 ? buffer : new byte[buffer.Length * 2];
                buffer.AsSpan(start, end - start).CopyTo(next);
                (buffer, end, start) = (next, end - start, 0);
            }
        }
    }

    /// <summary>Parses every whole unit (a top-level field, or one event) in buffer[start..end); answers the bytes used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Parse(byte[] buffer, int start, int end, bool final, ref JsonReaderState state)
    {
        var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
        var kept = reader;
        while (!_done && (_inEvents ? TryEvent(ref reader, buffer, start) : TryField(ref reader)))
        {
            kept = reader;
        }

        state = kept.CurrentState;
        return (int)kept.BytesConsumed;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryEvent(ref Utf8JsonReader reader, byte[] buffer, int offset)
    {
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.EndArray)
        {
            _inEvents = false;
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An event is a JSON object.");
        }

        if (!_parser.TryRead(ref reader, buffer, offset, out var view))
        {
            return false;
        }

        _events.Add(view!);
        return true;
    }

    private bool TryField(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return false;
        }

        if (reader.CurrentDepth == 0)
        {
            _done = reader.TokenType == JsonTokenType.EndObject;
            return reader.TokenType is JsonTokenType.StartObject or JsonTokenType.EndObject
                ? true
                : throw new JsonException("The answer is not a JSON object.");
        }

        var events = reader.ValueTextEquals("events"u8);
        var room = reader.ValueTextEquals("room"u8);
        var cursor = reader.ValueTextEquals("cursor"u8);
        var head = reader.ValueTextEquals("head"u8);
        var more = reader.ValueTextEquals("more"u8);
        if (!reader.Read())
        {
            return false;
        }

        if (events && reader.TokenType == JsonTokenType.StartArray)
        {
            _inEvents = true;
        }
        else if (room || cursor || head || more)
        {
            (_room, _cursor, _head, _more) = (room ? reader.GetString() : _room, cursor ? reader.GetInt64() : _cursor,
                head ? reader.GetInt64() : _head, more ? reader.GetBoolean() : _more);
        }
        else
        {
            return reader.TrySkip();
        }

        return true;
    }
}
