using System.Buffers;
using System.Text;
using System.Text.Json;
using Parler.Core.Facts;
using Parler.Core.Protocol;
using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Storage;

/// <summary>
/// A catch-up writes each fact from its columns (<see cref="FactWire"/>); the bytes must be the serializer's for the same
/// <see cref="EventView"/>, whether its strings are copied as they are or need escaping, and whatever its numbers' widths.
/// </summary>
public sealed class FactWireTests
{
    private const string Hash = "3b88a60505a5b4c5f2e40d28729fce4c7edb40dd4e17406a88dc0ef0e7bdcc28";
    private const string Agent = "pai7qz5j72q7nzbxxvvg54b76apcyxf7lrtriir7n5rzv3pr3yzf3t6n62tu";

    public static TheoryData<long, long> Numbers => new()
    {
        { 0, 0 }, { 9, 10 }, { 99, 100 }, { 1, 1796280962188 }, { 999_999, 1_000_000 }, { long.MaxValue, -1796280962188 },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Write_PlainFacts_SameBytesAsTheSerializer(long seq, long at)
    {
        var facts = new[]
        {
            View(seq, "message.posted", at, Agent, "tok_fbbf0e1e520e8fd660df", """{"body":"a \"quoted\" <é> body","kind":"text"}"""),
            View(seq, "member.joined", at, Agent, "hub", """{"agent_id":"x","role":"member"}"""),
        };

        Written(facts).ShouldBe(Serialized(facts));
    }

    [Fact]
    public void Write_StringsTheEncoderEscapes_SameBytesAsTheSerializer()
    {
        var facts = new[]
        {
            View(1, "message.posted", 5, Agent, "tok_a", """{"k":1}"""),
            View(2, "odd<type>", 6, "agent \"é\" +1", "tok/\\b'&`", """{"k":2}"""),
            View(3, "message.posted", 7, Agent, "tok_c", "{}"),
        };

        Written(facts).ShouldBe(Serialized(facts));
    }

    [Fact]
    public void Write_StreamTheEncoderEscapes_SameBytesAsTheSerializer()
    {
        var facts = new[] { View(1, "message.posted", 5, Agent, "tok_a", "{}") with { Stream = "rm_<é>" } };

        Written(facts).ShouldBe(Serialized(facts));
    }

    private static EventView View(long seq, string type, long at, string actor, string authority, string data) =>
        new(seq, type, at, actor, actor, authority, FactJson.Of(data), Hash, Hash, "rm_7d5f022e2d51d95abdc2");

    private static string Written(EventView[] facts)
    {
        var output = new ArrayBufferWriter<byte>(16);
        var wire = new FactWire(output, facts[0].Stream);
        foreach (var f in facts)
        {
            wire.Write(
                f.Seq, U(f.Type), f.At, U(f.Actor), U(f.Principal), U(f.Authority), f.Data.Utf8.Span, U(f.Prev), U(f.Hash));
        }

        wire.Count.ShouldBe(facts.Length);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static string Serialized(EventView[] facts) =>
        string.Join(',', facts.Select(f => JsonSerializer.Serialize(f, ProtocolJsonContext.Default.EventView)));

    private static byte[] U(string value) => Encoding.UTF8.GetBytes(value);
}
