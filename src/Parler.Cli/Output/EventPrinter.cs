using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parler.Client;
using Parler.Contract.Facts;
using Parler.Core.Facts;
using Parler.Core.Identity;
using Parler.Core.Protocol;

namespace Parler.Cli.Output;

/// <summary>
/// Prints room facts for people or programs. Peer text is always shown as that peer's words, with its verified
/// (or not) sender, and with control characters made visible so a peer cannot forge terminal output.
/// </summary>
internal sealed class EventPrinter(TextWriter output, string selfId, bool json, Dictionary<string, string> names)
{
    private string? _previousHash;

    /// <summary>Anchors the hash chain at a fact the reader already holds.</summary>
    public void Anchor(EventView fact) => _previousHash = FactCheck.Of(fact, null).HashValid ? fact.Hash : null;

    public async Task PrintAsync(EventView fact)
    {
        var check = FactCheck.Of(fact, _previousHash);
        _previousHash = fact.Hash;
        if (Joiner(fact) is { } joiner)
        {
            names[joiner.AgentId] = joiner.Name;
        }

        if (fact.Type == FactTypes.MessagePosted && fact.Actor == selfId && check.Intact)
        {
            return;
        }

        await output.WriteLineAsync(json ? Json(fact, check) : Text(fact, check));
    }

    private string Text(EventView fact, FactCheck check)
    {
        var line = new StringBuilder();
        if (!check.HashValid)
        {
            line.Append("!! ALTERED (its hash does not match its content) ");
        }

        if (!check.ChainValid)
        {
            line.Append("!! CHAIN BROKEN (a fact before this one is missing or changed) ");
        }

        var time = DateTimeOffset.FromUnixTimeMilliseconds(fact.At).ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        line.Append('#').Append(fact.Seq).Append(" [").Append(time).Append("] ");
        var who = Who(fact.Actor);
        switch (fact.Type)
        {
            case FactTypes.MessagePosted when FactData.TryRead<MessagePosted>(fact.Data) is { } message:
                line.Append(who).Append(" (").Append(AgentId.Short(fact.Actor)).Append(", ").Append(TrustText(check)).Append(") says: ")
                    .Append(Visible(message.Body));
                break;
            case FactTypes.HandoffPosted when FactData.TryRead<HandoffPosted>(fact.Data) is { } handoff && handoff.IsFor(selfId):
                line.Append("=== HANDOFF TO YOU from ").Append(who).Append(" (").Append(AgentId.Short(fact.Actor)).Append(", ").Append(TrustText(check))
                    .Append(") ===\n    handoff: ").Append(handoff.HandoffId)
                    .Append("\n    summary: ").Append(Visible(handoff.Summary))
                    .Append("\n    next: ").Append(Visible(handoff.Next));
                break;
            case FactTypes.HandoffPosted when FactData.TryRead<HandoffPosted>(fact.Data) is { } handoff:
                line.Append(who).Append(" (").Append(TrustText(check)).Append(") handed off to ").Append(Visible(handoff.For))
                    .Append(": ").Append(Visible(handoff.Summary)).Append(" | next: ").Append(Visible(handoff.Next));
                break;
            case FactTypes.BundlePosted when FactData.TryRead<BundlePosted>(fact.Data) is { } bundle:
                line.Append(who).Append(" (").Append(AgentId.Short(fact.Actor)).Append(", ").Append(TrustText(check)).Append(") pushed bundle ")
                    .Append(Visible(bundle.Ref)).Append(" @ ").Append(Visible(bundle.Tip).PadRight(12)[..12])
                    .Append(" (").Append(bundle.Base is null ? "whole history" : "since " + Visible(bundle.Base))
                    .Append(", ").Append(BlobBody.Size(bundle.Size)).Append(')').Append(Note(bundle.Note))
                    .Append("\n    blob ").Append(Visible(bundle.Hash)).Append("  -> parler apply ").Append(Visible(bundle.Hash));
                break;
            case FactTypes.FilePosted when FactData.TryRead<FilePosted>(fact.Data) is { } file:
                line.Append(who).Append(" (").Append(AgentId.Short(fact.Actor)).Append(", ").Append(TrustText(check)).Append(") sent file ")
                    .Append('\'').Append(Visible(file.Name)).Append('\'').Append(" (").Append(Visible(file.MediaType)).Append(", ")
                    .Append(BlobBody.Size(file.Size)).Append(')').Append(Note(file.Note))
                    .Append("\n    blob ").Append(Visible(file.Hash)).Append("  -> parler fetch ").Append(Visible(file.Hash));
                break;
            case FactTypes.TaskStatus when FactData.TryRead<TaskStatusReported>(fact.Data) is { } report:
                line.Append("* ").Append(who).Append(" reports ").Append(report.HandoffId).Append(' ').Append(report.Status).Append(Note(report.Note));
                break;
            case FactTypes.MemoryRemembered when FactData.TryRead<MemoryRemembered>(fact.Data) is { } memory:
                line.Append("* ").Append(who).Append(" remembered: ").Append(Visible(memory.Text))
                    .Append(memory.Key is null ? "" : "  (key: " + Visible(memory.Key) + ")");
                break;
            case FactTypes.MemberJoined when FactData.TryRead<MemberJoined>(fact.Data) is { } joined:
                line.Append("* ").Append(Who(joined.AgentId)).Append(" joined as ").Append(joined.Role);
                break;
            case FactTypes.MemberRequested:
                line.Append("* ").Append(who).Append(" asked to join");
                break;
            case FactTypes.MemberApproved when FactData.TryRead<MemberApproved>(fact.Data) is { } approved:
                line.Append("* ").Append(who).Append(" approved ").Append(Who(approved.AgentId));
                break;
            case FactTypes.MemberDenied when FactData.TryRead<MemberDenied>(fact.Data) is { } denied:
                line.Append("* ").Append(who).Append(" denied ").Append(Who(denied.AgentId));
                break;
            case FactTypes.MemberRemoved when FactData.TryRead<MemberRemoved>(fact.Data) is { } removed:
                line.Append("* ").Append(who).Append(" removed ").Append(Who(removed.AgentId));
                break;
            case FactTypes.MemberLeft:
                line.Append("* ").Append(who).Append(" left");
                break;
            case FactTypes.RoomCreated when FactData.TryRead<RoomCreated>(fact.Data) is { } created:
                line.Append("* ").Append(who).Append(" created room '").Append(Visible(created.Name)).Append('\'');
                break;
            case FactTypes.InviteMinted:
                line.Append("* ").Append(who).Append(" minted an invite");
                break;
            case FactTypes.InviteRevoked:
                line.Append("* ").Append(who).Append(" revoked an invite");
                break;
            default:
                line.Append("* ").Append(who).Append(' ').Append(fact.Type);
                break;
        }

        return line.ToString();
    }

    private static string TrustText(FactCheck check) => check.Trust switch
    {
        MessageTrust.Verified => "verified",
        MessageTrust.Unsigned => "UNSIGNED",
        _ => "INVALID SIGNATURE",
    };

    private static string Note(string? note) => note is null ? "" : ": " + Visible(note);

    /// <summary>The agent a join or join request names, with the name it joined under.</summary>
    private static (string AgentId, string Name)? Joiner(EventView fact) => fact.Type switch
    {
        FactTypes.MemberJoined when FactData.TryRead<MemberJoined>(fact.Data) is { } joined => (joined.AgentId, joined.Name),
        FactTypes.MemberRequested when FactData.TryRead<MemberRequested>(fact.Data) is { } requested => (requested.AgentId, requested.Name),
        _ => null,
    };

    private string Who(string agentId) =>
        agentId == selfId ? "you" : Visible(names.GetValueOrDefault(agentId) ?? AgentId.Short(agentId));

    private static string Json(EventView fact, FactCheck check)
    {
        var node = JsonSerializer.SerializeToNode(fact, ProtocolJsonContext.Default.EventView)!.AsObject();
        node["check"] = new JsonObject
        {
            ["hash_valid"] = check.HashValid,
            ["chain_valid"] = check.ChainValid,
            ["signature"] = check.Trust.ToString().ToLowerInvariant(),
        };
        return JsonOutput.Of(node);
    }

    /// <summary>Escapes control, bidirectional and invisible characters; keeps newlines, indented under the line.</summary>
    public static string Visible(string text) => PeerText.Visible(text);
}
