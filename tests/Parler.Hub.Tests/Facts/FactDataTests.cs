using System.Text.Json;
using System.Text.Json.Nodes;
using Parler.Core.Facts;
using Parler.Core.Json;

namespace Parler.Hub.Tests.Facts;

public sealed class FactDataTests
{
    private static readonly Dictionary<string, Func<JsonObject, (string Typed, string Node)>> RoundTrips = new(StringComparer.Ordinal)
    {
        [FactTypes.RoomCreated] = RoundTrip<RoomCreated>,
        [FactTypes.MemberJoined] = RoundTrip<MemberJoined>,
        [FactTypes.MemberRequested] = RoundTrip<MemberRequested>,
        [FactTypes.MemberApproved] = RoundTrip<MemberApproved>,
        [FactTypes.MemberDenied] = RoundTrip<MemberDenied>,
        [FactTypes.MemberRemoved] = RoundTrip<MemberRemoved>,
        [FactTypes.MemberLeft] = RoundTrip<MemberLeft>,
        [FactTypes.InviteMinted] = RoundTrip<InviteMinted>,
        [FactTypes.InviteRevoked] = RoundTrip<InviteRevoked>,
        [FactTypes.MessagePosted] = RoundTrip<MessagePosted>,
        [FactTypes.CursorAdvanced] = RoundTrip<CursorAdvanced>,
        [FactTypes.HandoffPosted] = RoundTrip<HandoffPosted>,
        [FactTypes.TaskStatus] = RoundTrip<TaskStatusReported>,
        [FactTypes.MemoryRemembered] = RoundTrip<MemoryRemembered>,
        [FactTypes.WorkerRegistered] = RoundTrip<WorkerRegistered>,
        [FactTypes.QueueAccessChanged] = RoundTrip<QueueAccessChanged>,
        [FactTypes.JobEnqueued] = RoundTrip<JobEnqueued>,
        [FactTypes.JobLeased] = RoundTrip<JobLeased>,
        [FactTypes.JobCompleted] = RoundTrip<JobCompleted>,
        [FactTypes.AgentRegistered] = RoundTrip<AgentRegistered>,
        [FactTypes.AgentRenamed] = RoundTrip<AgentRenamed>,
        [FactTypes.TokenIssued] = RoundTrip<TokenIssued>,
        [FactTypes.TokenRevoked] = RoundTrip<TokenRevoked>,
        [FactTypes.CardPublished] = RoundTrip<CardPublished>,
        [FactTypes.BundlePosted] = RoundTrip<BundlePosted>,
        [FactTypes.FilePosted] = RoundTrip<FilePosted>,
        [FactTypes.BlobUploaded] = RoundTrip<BlobUploaded>,
    };

    [Theory]
    [InlineData("9420b8f/sqlite.json")]
    [InlineData("9420b8f/postgres.json")]
    [InlineData("67f0b20/sqlite.json")]
    [InlineData("67f0b20/postgres.json")]
    public void Read_EveryFactOfARecordWrittenByAnEarlierHub_WritesBackTheSameData(string fixture)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", fixture)))!;
        var facts = document["snapshot"]!["streams"]!.AsObject().SelectMany(s => s.Value!.AsArray()).ToList();

        facts.Count.ShouldBeGreaterThan(20);
        foreach (var fact in facts)
        {
            var type = fact!["type"]!.GetValue<string>();
            var data = fact["data"]!.AsObject();
            RoundTrips.ShouldContainKey(type);
            var (typed, node) = RoundTrips[type](data);
            typed.ShouldBe(CanonicalJson.SerializeToString(data), type);
            node.ShouldBe(typed, type);
        }
    }

    [Fact]
    public void Write_UnsignedMessage_KeepsTheSignatureAsNull()
    {
        var data = Node(FactData.Write(new MessagePosted("text", "hi", "nonce-123", null)));

        data.ContainsKey("signature").ShouldBeTrue();
        data["signature"].ShouldBeNull();
    }

    [Fact]
    public void Write_MemoryWithoutKey_LeavesTheKeyOut()
    {
        Node(FactData.Write(new MemoryRemembered("deploy is blue-green"))).ContainsKey("key").ShouldBeFalse();
    }

    [Fact]
    public void Read_FactLackingARequiredField_IsRefused()
    {
        Should.Throw<System.Text.Json.JsonException>(() => FactData.Read<JobLeased>(FactJson.Of("""{"job_id":"jb_1","worker":"pa"}""")));
    }

    [Fact]
    public void TryRead_FieldOfTheWrongShape_IsNull()
    {
        FactData.TryRead<FilePosted>(FactJson.Of("""{"name":"a","size":"big"}""")).ShouldBeNull();
    }

    [Fact]
    public void Write_GeneratedFacts_AreTheBytesTheJsonObjectFormGave()
    {
        string[] words = ["", "plain", "q\"b\\s/", "\b\t\n\f\r\u0001\u007f", "é", "\u2028", "😀", "<>&'+`", "日本", "don't"];
        var random = new Random(11);
        string Text() => string.Concat(Enumerable.Range(0, random.Next(4)).Select(_ => words[random.Next(words.Length)]));
        for (var i = 0; i < 500; i++)
        {
            var big = random.NextInt64(long.MinValue, long.MaxValue);
            Same(new MessagePosted(Text(), Text(), Text(), random.Next(2) == 0 ? null : Text()));
            Same(new MemoryRemembered(Text(), random.Next(2) == 0 ? null : Text()));
            Same(new JobLeased(Text(), Text(), big));
            Same(new InviteMinted(Text(), Text(), Text(), big, random.Next(), random.Next(2) == 0));
            Same(new HandoffPosted(Text(), Text(), Text(), Text(), Text(), null, Text(), random.Next(2) == 0 ? null : Text()));
            Same(new CardPublished(
                Text(), new Parler.Core.Protocol.CardFields(Text(), null, Text(), [Text(), Text()], random.Next(2) == 0 ? null : [Text()], Text(), Text()), Text()));
        }
    }

    private static void Same<T>(T fact)
        where T : IFact<T> =>
        FactData.Write(fact).ToString().ShouldBe(CanonicalJson.SerializeToString(JsonSerializer.SerializeToNode(fact, T.Json)));

    private static JsonObject Node(FactJson data) => JsonNode.Parse(data.ToString())!.AsObject();

    /// <summary>
    /// The stored data read into its record and written back: as the hub writes it (canonical bytes straight from the
    /// record) and as it wrote it before (the record as a JsonObject, then canonicalized).
    /// </summary>
    private static (string Typed, string Node) RoundTrip<T>(JsonObject data)
        where T : IFact<T>
    {
        var fact = FactData.Read<T>(FactJson.Of(data.ToJsonString()));
        return (FactData.Write(fact).ToString(), CanonicalJson.SerializeToString(JsonSerializer.SerializeToNode(fact, T.Json)));
    }
}
