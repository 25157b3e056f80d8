using System.Globalization;
using System.Text;
using Parler.Client;
using Parler.Contract.Facts;
using Parler.Core.Facts;
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
        if (Joiner(fact) is { Name.Length: > 0 } joiner)
        {
            names[joiner.AgentId] = joiner.Name;
        }

        if (fact.Type == FactTypes.MessagePosted && fact.Actor == selfId && check.Intact)
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
            case FactTypes.MessagePosted when FactData.TryRead<MessagePosted>(fact.Data) is { } message:
                line.Append("message\n").Append(_peer.Frame(sender, message.Body));
                break;
            case FactTypes.HandoffPosted when FactData.TryRead<HandoffPosted>(fact.Data) is { } handoff && HandoffTarget.IsFor(handoff, selfId, selfName):
                line.Append("=== HANDOFF TO YOU === handoff ").Append(handoff.HandoffId).Append(" in room ").Append(fact.Stream)
                    .Append(" from ").Append(who).Append(check.Trust == MessageTrust.Verified && check.Intact ? ", verified" : ", NOT VERIFIED").Append('\n');
                AppendHandoff(line, handoff, sender);
                line.Append("\nTake it: parler_task with room ").Append(fact.Stream).Append(", handoff ").Append(handoff.HandoffId)
                    .Append(", status accepted; do what 'next' asks; then report working, done or failed.");
                break;
            case FactTypes.HandoffPosted when FactData.TryRead<HandoffPosted>(fact.Data) is { } handoff:
                line.Append("handoff ").Append(handoff.HandoffId).Append(" from ").Append(who)
                    .Append(" to ").Append(PeerContent.Quote(handoff.For)).Append('\n');
                AppendHandoff(line, handoff, sender);
                break;
            case FactTypes.BundlePosted when FactData.TryRead<BundlePosted>(fact.Data) is { } bundle:
                line.Append("bundle from ").Append(who).Append(": blob ").Append(bundle.Hash).Append(" (import it with parler_apply)\n")
                    .Append(_peer.Frame(sender, $"ref {bundle.Ref} @ {bundle.Tip}, {(bundle.Base is null ? "whole history" : "since " + bundle.Base)}, {BlobBody.Size(bundle.Size)}\nnote: {bundle.Note}"));
                break;
            case FactTypes.FilePosted when FactData.TryRead<FilePosted>(fact.Data) is { } file:
                line.Append("file from ").Append(who).Append(": blob ").Append(file.Hash).Append(" (download it with parler_fetch)\n")
                    .Append(_peer.Frame(sender, $"name {file.Name} ({file.MediaType}, {BlobBody.Size(file.Size)})\nnote: {file.Note}"));
                break;
            case FactTypes.TaskStatus when FactData.TryRead<TaskStatusReported>(fact.Data) is { } report:
                line.Append(who).Append(fact.Actor == selfId ? " report " : " reports ").Append(report.HandoffId).Append(": ").Append(PeerContent.Quote(report.Status));
                if (report.Note is not null)
                {
                    line.Append('\n').Append(_peer.Frame(sender + " part=note", report.Note));
                }

                break;
            case FactTypes.MemberJoined when FactData.TryRead<MemberJoined>(fact.Data) is { } joined:
                line.Append(Who(joined.AgentId)).Append(" joined as ").Append(PeerContent.Quote(joined.Role ?? ""));
                break;
            case FactTypes.MemberRequested:
                line.Append(who).Append(" asked to join");
                break;
            case FactTypes.MemberApproved when FactData.TryRead<MemberApproved>(fact.Data) is { } approved:
                line.Append(who).Append(" approved ").Append(Who(approved.AgentId));
                break;
            case FactTypes.MemberDenied when FactData.TryRead<MemberDenied>(fact.Data) is { } denied:
                line.Append(who).Append(" denied ").Append(Who(denied.AgentId));
                break;
            case FactTypes.MemberRemoved when FactData.TryRead<MemberRemoved>(fact.Data) is { } removed:
                line.Append(who).Append(" removed ").Append(Who(removed.AgentId));
                break;
            case FactTypes.MemberLeft:
                line.Append(who).Append(" left");
                break;
            case FactTypes.RoomCreated when FactData.TryRead<RoomCreated>(fact.Data) is { } created:
                line.Append(who).Append(" created room ").Append(PeerContent.Quote(created.Name));
                break;
            case FactTypes.InviteMinted:
                line.Append(who).Append(" minted an invite");
                break;
            case FactTypes.InviteRevoked:
                line.Append(who).Append(" revoked an invite");
                break;
            default:
                line.Append(who).Append(' ').Append(fact.Type);
                break;
        }

        return line.ToString();
    }

    private void AppendHandoff(StringBuilder line, HandoffPosted handoff, string sender)
    {
        line.Append(_peer.Frame(sender + " part=summary", handoff.Summary)).Append('\n')
            .Append(_peer.Frame(sender + " part=next", handoff.Next));
        if (handoff.Bundle is { Length: > 0 } bundle)
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

    /// <summary>The agent a join or join request names, with the name it joined under.</summary>
    private static (string AgentId, string Name)? Joiner(EventView fact) => fact.Type switch
    {
        FactTypes.MemberJoined when FactData.TryRead<MemberJoined>(fact.Data) is { } joined => (joined.AgentId, joined.Name),
        FactTypes.MemberRequested when FactData.TryRead<MemberRequested>(fact.Data) is { } requested => (requested.AgentId, requested.Name),
        _ => null,
    };
}
