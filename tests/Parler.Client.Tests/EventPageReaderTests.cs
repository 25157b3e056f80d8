using System.Text;
using System.Text.Json;
using Parler.Core.Facts;
using Parler.Core.Protocol;
using Shouldly;

namespace Parler.Client.Tests;

/// <summary>
/// The catch-up parser reads what the lenient serializer reads, however the bytes arrive: one at a time, across its
/// 1 MB buffers, with fields it does not know and escaped strings.
/// </summary>
public sealed class EventPageReaderTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(7, 40)]
    [InlineData(65536, 3000)]
    public async Task ReadAsync_AnswerInPieces_SameAsTheSerializer(int piece, int facts)
    {
        var json = Answer(facts);

        var read = await EventPageReader.ReadAsync(new Trickle(json, piece), CancellationToken.None);

        var expected = JsonSerializer.Deserialize(json, LenientJson.Context.ReadEventsResponse)!;
        (read.Room, read.Cursor, read.Head, read.More).ShouldBe((expected.Room, expected.Cursor, expected.Head, expected.More));
        read.Events.Count.ShouldBe(facts);
        for (var i = 0; i < facts; i++)
        {
            var (a, b) = (read.Events[i], expected.Events[i]);
            (a.Seq, a.Type, a.At, a.Actor, a.Principal, a.Authority, a.Prev, a.Hash, a.Stream)
                .ShouldBe((b.Seq, b.Type, b.At, b.Actor, b.Principal, b.Authority, b.Prev, b.Hash, b.Stream));
            a.Data.ToString().ShouldBe(b.Data.ToString());
        }
    }

    [Fact]
    public async Task ReadAsync_FactLargerThanABuffer_ReadWhole()
    {
        var json = Answer(4, hugeEvery: 2);

        var read = await EventPageReader.ReadAsync(new Trickle(json, 65536), CancellationToken.None);

        var expected = JsonSerializer.Deserialize(json, LenientJson.Context.ReadEventsResponse)!;
        read.Events.Select(e => (e.Seq, e.Prev, e.Data.ToString())).ShouldBe(expected.Events.Select(e => (e.Seq, e.Prev, e.Data.ToString())));
    }

    [Fact]
    public async Task ReadAsync_AnswerCutShort_Throws()
    {
        var json = Answer(5);

        await Should.ThrowAsync<JsonException>(() => EventPageReader.ReadAsync(new Trickle(json[..(json.Length - 30)], 100), CancellationToken.None).AsTask());
    }

    /// <summary>An answer as the hub writes it, with a field this reader does not know and strings that need escaping.</summary>
    private static byte[] Answer(int facts, int hugeEvery = 0)
    {
        var events = new List<EventView>();
        var prev = new string('0', 64);
        for (var i = 1; i <= facts; i++)
        {
            var hash = Convert.ToHexStringLower(BitConverter.GetBytes((long)i)).PadLeft(64, 'a');
            var body = hugeEvery > 0 && i % hugeEvery == 0 ? new string('y', 1_500_000)
                : i % 3 == 0 ? $"\"quoted\" <é> \\ {i}" : new string('x', 700);
            events.Add(new EventView(
                i, i % 5 == 0 ? "member.joined" : "message.posted", 1_700_000_000_000 + i, i % 2 == 0 ? "pa_one" : "pa_two\u00e9",
                "pa_one", "tok_1", FactJson.Of($"{{\"body\":{JsonSerializer.Serialize(body)},\"n\":{{\"x\":[1,2,{i}]}}}}"), prev, hash, "rm_1"));
            prev = hash;
        }

        var text = JsonSerializer.Serialize(new ReadEventsResponse("rm_1", events, facts, facts + 2, true), ProtocolJsonContext.Default.ReadEventsResponse);
        text = text.Replace("\"stream\":\"rm_1\"}", "\"stream\":\"rm_1\",\"later\":{\"a\":[1,{\"b\":null}]}}", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes("{\"added\":[1,2]," + text[1..]);
    }

    /// <summary>A stream that hands over at most <paramref name="piece"/> bytes per read.</summary>
    private sealed class Trickle(byte[] bytes, int piece) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(piece, buffer.Length)], cancellationToken);
    }
}
