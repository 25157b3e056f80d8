using System.Text.Json.Nodes;
using Parler.Core.Facts;
using Parler.Core.Identity;
using Parler.Core.Protocol;

namespace Parler.Mcp.Tests.Output;

/// <summary>Builds a room's facts the way a hub would: hashed, chained, messages and handoffs signed by their authors.</summary>
internal sealed class FactBuilder
{
    public const string Room = "rm_test";

    private readonly List<EventView> _facts = [];

    public IReadOnlyList<EventView> Facts => _facts;

    public EventView Message(AgentKey author, string body)
    {
        var nonce = "nonce-" + (_facts.Count + 1);
        return Add("message.posted", author, new JsonObject
        {
            ["kind"] = "text", ["body"] = body, ["nonce"] = nonce, ["signature"] = MessageSignature.Sign(author, Room, "text", body, nonce),
        });
    }

    public EventView Handoff(AgentKey author, string target, string summary, string next)
    {
        var nonce = "nonce-" + (_facts.Count + 1);
        var body = HandoffBody.Of(target, summary, next, null);
        return Add("handoff.posted", author, new JsonObject
        {
            ["handoff_id"] = "ho_1", ["for"] = target, ["summary"] = summary, ["next"] = next, ["bundle"] = null,
            ["nonce"] = nonce, ["signature"] = MessageSignature.Sign(author, Room, HandoffBody.Kind, body, nonce),
        });
    }

    public EventView Add(string type, AgentKey actor, JsonObject data)
    {
        var seq = _facts.Count + 1;
        var prev = _facts.Count == 0 ? FactHash.Genesis : _facts[^1].Hash;
        var hash = FactHash.Compute(Room, seq, type, 1000 + seq, actor.Id, actor.Id, "tok_1", data, prev);
        var fact = new EventView(seq, type, 1000 + seq, actor.Id, actor.Id, "tok_1", FactJson.Of(data.ToJsonString()), prev, hash, Room);
        _facts.Add(fact);
        return fact;
    }
}
