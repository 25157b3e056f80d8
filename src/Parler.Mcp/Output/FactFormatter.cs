using System.Globalization;
using System.Text;
using Parler.Client;
using Parler.Core.Identity;
using Parler.Core.Protocol;

namespace Parler.Mcp.Output;

/// <summary>
/// Renders room facts for a model, compactly: one line per fact, every peer's words inside a peer-content frame
/// with its verified sender, and a HANDOFF TO YOU banner (outside any frame, so no peer can forge it) when a handoff
/// names this agent. Feed facts in order: each one's chain link is checked against the one before.
/// </summary>
internal sealed class FactFormatter(string selfId, string selfName, Dictionary<string, string> names)
{
    private readonly PeerContent _peer = new();
    private string? _previousHash;

    /// <summary>Anchors the chain check at the fact just before the first one to be shown.</summary>
    public void Anchor(EventView fact) => _previousHash = FactCheck.Of(fact, null).HashValid ? fact.Hash : null;

    /// <summary>The fact as text, or null for this agent's own intact message (it knows what it said).</summary>
    public string? Format(EventView fact)
    {
        var check = FactCheck.Of(fact, _previousHash);
        _previousHash = fact.Hash;
        if (fact.Type is "member.joined" or "member.requested" && Field(fact, "name") is { Length: > 0 } joined)
        {
            names[Field(fact, "agent_id")] = joined;
        }

        if (fact.Type == "message.posted" && fact.Actor == selfId && check.Intact)
        {
            return null;
        }

        var line = new StringBuilder();
        line.Append('#').Append(fact.Seq).Append(' ')
            .Append(DateTimeOffset.FromUnixTimeMilliseconds(fact.At).UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(' ');
        if (!check.HashValid)
        {
            line.Append("!! ALTERED (its hash does not match its content) ");
        }

        if (!check.ChainValid)
        {
            line.Append("!! CHAIN BROKEN (a fact before this one is missing or changed) ");
        }

        var who = Who(fact.Actor);
        var sender = Sender(fact, check);
        switch (fact.Type)
        {
            case "message.posted":
                line.Append("message\n").Append(_peer.Frame(sender, Field(fact, "body")));
                break;
            case "handoff.posted" when HandoffTarget.IsFor(fact, selfId, selfName):
                line.Append("=== HANDOFF TO YOU === handoff ").Append(Field(fact, "handoff_id")).Append(" in room ").Append(fact.Stream)
                    .Append(" from ").Append(who).Append(check.Trust == MessageTrust.Verified && check.Intact ? ", verified" : ", NOT VERIFIED").Append('\n');
                AppendHandoff(line, fact, sender);
                line.Append("\nTake it: parler_task with room ").Append(fact.Stream).Append(", handoff ").Append(Field(fact, "handoff_id"))
                    .Append(", status accepted; do what 'next' asks; then report working, done or failed.");
                break;
            case "handoff.posted":
                line.Append("handoff ").Append(Field(fact, "handoff_id")).Append(" from ").Append(who)
                    .Append(" to ").Append(PeerContent.Quote(Field(fact, "for"))).Append('\n');
                AppendHandoff(line, fact, sender);
                break;
            case "bundle.posted":
                line.Append("bundle from ").Append(who).Append(": blob ").Append(Field(fact, "hash")).Append(" (import it with parler_apply)\n")
                    .Append(_peer.Frame(sender, $"ref {Field(fact, "ref")} @ {Field(fact, "tip")}, {(fact.Data["base"] is null ? "whole history" : "since " + Field(fact, "base"))}, {Bytes(fact)}\nnote: {Field(fact, "note")}"));
                break;
            case "file.posted":
                line.Append("file from ").Append(who).Append(": blob ").Append(Field(fact, "hash")).Append(" (download it with parler_fetch)\n")
                    .Append(_peer.Frame(sender, $"name {Field(fact, "name")} ({Field(fact, "media_type")}, {Bytes(fact)})\nnote: {Field(fact, "note")}"));
                break;
            case "task.status":
                line.Append(who).Append(fact.Actor == selfId ? " report " : " reports ").Append(Field(fact, "handoff_id")).Append(": ").Append(PeerContent.Quote(Field(fact, "status")));
                if (fact.Data["note"] is not null)
                {
                    line.Append('\n').Append(_peer.Frame(sender + " part=note", Field(fact, "note")));
                }

                break;
            case "member.joined":
                line.Append(Who(Field(fact, "agent_id"))).Append(" joined as ").Append(PeerContent.Quote(Field(fact, "role")));
                break;
            case "member.requested":
                line.Append(who).Append(" asked to join");
                break;
            case "member.approved" or "member.denied" or "member.removed":
                line.Append(who).Append(' ').Append(fact.Type["member.".Length..]).Append(' ').Append(Who(Field(fact, "agent_id")));
                break;
            case "member.left":
                line.Append(who).Append(" left");
                break;
            case "room.created":
                line.Append(who).Append(" created room ").Append(PeerContent.Quote(Field(fact, "name")));
                break;
            case "invite.minted":
                line.Append(who).Append(" minted an invite");
                break;
            case "invite.revoked":
                line.Append(who).Append(" revoked an invite");
                break;
            default:
                line.Append(who).Append(' ').Append(fact.Type);
                break;
        }

        return line.ToString();
    }

    private void AppendHandoff(StringBuilder line, EventView fact, string sender)
    {
        line.Append(_peer.Frame(sender + " part=summary", Field(fact, "summary"))).Append('\n')
            .Append(_peer.Frame(sender + " part=next", Field(fact, "next")));
        if (Field(fact, "bundle") is { Length: > 0 } bundle)
        {
            line.Append("\nbundle: ").Append(PeerContent.Quote(bundle));
        }
    }

    private string Sender(EventView fact, FactCheck check)
    {
        var problems = new List<string>();
        if (check.Trust == MessageTrust.Unsigned)
        {
            problems.Add("unsigned");
        }
        else if (check.Trust == MessageTrust.BadSignature)
        {
            problems.Add("bad signature");
        }

        else if (check.Trust == MessageTrust.NotAMessage)
        {
            problems.Add("not signed; the hub vouches for the sender");
        }

        if (!check.Intact)
        {
            problems.Add("record altered or broken");
        }

        var name = fact.Actor == selfId ? selfName : names.GetValueOrDefault(fact.Actor) ?? AgentId.Short(fact.Actor);
        return $"seq={fact.Seq} from={PeerContent.Quote(name)} agent={fact.Actor} verified={(problems.Count == 0 ? "true" : "false problem=\"" + string.Join(", ", problems) + "\"")}";
    }

    private string Who(string agentId) =>
        agentId == selfId ? "you" : $"{PeerContent.Quote(names.GetValueOrDefault(agentId) ?? AgentId.Short(agentId))} ({AgentId.Short(agentId)})";

    private static string Field(EventView fact, string name) => fact.Data[name]?.GetValue<string>() ?? "";

    private static string Bytes(EventView fact) =>
        Parler.Core.Facts.BlobBody.Size(fact.Data["size"] is System.Text.Json.Nodes.JsonValue size && size.TryGetValue<long>(out var bytes) ? bytes : 0);
}
