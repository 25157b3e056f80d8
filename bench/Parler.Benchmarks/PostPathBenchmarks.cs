using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Parler.Contract.Facts;
using Parler.Core.Facts;
using Parler.Core.Identity;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage;

namespace Parler.Benchmarks;

/// <summary>
/// The CPU steps of one message post that the load tool's profile shows: what the hub does per post (verify the
/// signature, parse the room's stored state, hash the fact) and what the client does (sign). Compare the ratios to
/// the baseline, the fact hash every append needs anyway; absolute times on a shared machine mean little.
/// </summary>
[MemoryDiagnoser]
public class PostPathBenchmarks
{
    private const string Nonce = "0123456789abcdef0123456789abcdef";

    private AgentKey _author = null!;
    private string _room = "";
    private string _body = "";
    private string _signature = "";
    private string _roomJson = "";
    private JsonObject _factData = null!;

    /// <summary>Members in the room: the load tool's headline room has 50 senders and the owner.</summary>
    [Params(51)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _author = AgentKey.Generate();
        _room = "rm_" + new string('a', 20);
        _body = new string('x', 256);
        _signature = MessageSignature.Sign(_author, _room, "text", _body, Nonce);
        var members = Enumerable.Range(0, Members)
            .Select(i => i == 0 ? _author.Id : AgentKey.Generate().Id)
            .ToImmutableDictionary(id => id, id => new MemberState(id, "sender", Roles.Member, MemberStatus.Active, 1_700_000_000_000));
        var invite = new InviteState("inv_0123456789", new string('c', 64), RoomKinds.Channel, _author.Id, 1_800_000_000_000, 1000, Members - 1, false);
        var state = new RoomState(_room, "load-0", RoomKinds.Channel, _author.Id, 1_700_000_000_000, members,
            ImmutableDictionary<string, InviteState>.Empty.Add(invite.Id, invite));
        _roomJson = JsonSerializer.Serialize(state, HubStateJsonContext.Default.RoomState);
        _factData = new JsonObject { ["kind"] = "text", ["body"] = _body, ["nonce"] = Nonce, ["signature"] = _signature };
    }

    [Benchmark(Baseline = true, Description = "hub: FactHash.Compute (every append)")]
    public string HashFact() =>
        FactHash.Compute(_room, 1234, FactTypes.MessagePosted, 1_700_000_000_000, _author.Id, _author.Id, "self", _factData, FactHash.Genesis);

    [Benchmark(Description = "hub: MessageSignature.Verify (in the writer)")]
    public bool VerifySignature() => MessageSignature.Verify(_room, _author.Id, "text", _body, Nonce, _signature);

    [Benchmark(Description = "hub: parse stored RoomState (twice per post)")]
    public bool ParseRoomState() => StoreRows.ParseState(_roomJson).ActiveMember(_author.Id) is not null;

    [Benchmark(Description = "client: MessageSignature.Sign")]
    public string SignMessage() => MessageSignature.Sign(_author, _room, "text", _body, Nonce);
}
