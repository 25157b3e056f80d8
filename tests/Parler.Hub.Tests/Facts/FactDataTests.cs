using System.Text.Json.Nodes;
using Parler.Core.Json;

namespace Parler.Hub.Tests.Facts;

public sealed class FactDataTests
{
    private static readonly Dictionary<string, Func<JsonObject, JsonObject>> RoundTrips = new(StringComparer.Ordinal)
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
            CanonicalJson.SerializeToString(RoundTrips[type](data)).ShouldBe(CanonicalJson.SerializeToString(data), type);
        }
    }

    [Fact]
    public void Write_UnsignedMessage_KeepsTheSignatureAsNull()
    {
        var data = FactData.Write(new MessagePosted("text", "hi", "nonce-123", null));

        data.ContainsKey("signature").ShouldBeTrue();
        data["signature"].ShouldBeNull();
    }

    [Fact]
    public void Write_MemoryWithoutKey_LeavesTheKeyOut()
    {
        FactData.Write(new MemoryRemembered("deploy is blue-green")).ContainsKey("key").ShouldBeFalse();
    }

    [Fact]
    public void Read_FactLackingARequiredField_IsRefused()
    {
        Should.Throw<System.Text.Json.JsonException>(() => FactData.Read<JobLeased>(new JsonObject { ["job_id"] = "jb_1", ["worker"] = "pa" }));
    }

    [Fact]
    public void TryRead_FieldOfTheWrongShape_IsNull()
    {
        FactData.TryRead<FilePosted>(new JsonObject { ["name"] = "a", ["size"] = "big" }).ShouldBeNull();
    }

    private static JsonObject RoundTrip<T>(JsonObject data)
        where T : IFact<T> =>
        FactData.Write(FactData.Read<T>(data.DeepClone().AsObject()));
}
