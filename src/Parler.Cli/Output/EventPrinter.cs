using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parler.Client;
using Parler.Client.Live;
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
        if (fact.Type is "member.joined" or "member.requested" && fact.Data["name"]?.GetValue<string>() is { } joinedName)
        {
            names[fact.Data["agent_id"]!.GetValue<string>()] = joinedName;
        }

        if (fact.Type == "message.posted" && fact.Actor == selfId && check.Intact)
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
            case "message.posted":
                line.Append(who).Append(" (").Append(AgentId.Short(fact.Actor)).Append(", ").Append(TrustText(check)).Append(") says: ")
                    .Append(Visible(fact.Data["body"]?.GetValue<string>() ?? ""));
                break;
            case "handoff.posted" when HandoffFact.IsHandoffFor(fact, selfId):
                line.Append("=== HANDOFF TO YOU from ").Append(who).Append(" (").Append(AgentId.Short(fact.Actor)).Append(", ").Append(TrustText(check))
                    .Append(") ===\n    handoff: ").Append(Field(fact, "handoff_id"))
                    .Append("\n    summary: ").Append(Visible(Field(fact, "summary")))
                    .Append("\n    next: ").Append(Visible(Field(fact, "next")));
                break;
            case "handoff.posted":
                line.Append(who).Append(" (").Append(TrustText(check)).Append(") handed off to ").Append(Visible(Field(fact, "for")))
                    .Append(": ").Append(Visible(Field(fact, "summary"))).Append(" | next: ").Append(Visible(Field(fact, "next")));
                break;
            case "bundle.posted":
                line.Append(who).Append(" (").Append(AgentId.Short(fact.Actor)).Append(", ").Append(TrustText(check)).Append(") pushed bundle ")
                    .Append(Visible(Field(fact, "ref"))).Append(" @ ").Append(Visible(Field(fact, "tip")).PadRight(12)[..12])
                    .Append(" (").Append(fact.Data["base"] is null ? "whole history" : "since " + Visible(Field(fact, "base")))
                    .Append(", ").Append(BlobBody.Size(Size(fact))).Append(')').Append(Note(fact))
                    .Append("\n    blob ").Append(Visible(Field(fact, "hash"))).Append("  -> parler apply ").Append(Visible(Field(fact, "hash")));
                break;
            case "file.posted":
                line.Append(who).Append(" (").Append(AgentId.Short(fact.Actor)).Append(", ").Append(TrustText(check)).Append(") sent file ")
                    .Append('\'').Append(Visible(Field(fact, "name"))).Append('\'').Append(" (").Append(Visible(Field(fact, "media_type"))).Append(", ")
                    .Append(BlobBody.Size(Size(fact))).Append(')').Append(Note(fact))
                    .Append("\n    blob ").Append(Visible(Field(fact, "hash"))).Append("  -> parler fetch ").Append(Visible(Field(fact, "hash")));
                break;
            case "task.status":
                line.Append("* ").Append(who).Append(" reports ").Append(Field(fact, "handoff_id")).Append(' ').Append(Field(fact, "status"))
                    .Append(fact.Data["note"] is null ? "" : ": " + Visible(Field(fact, "note")));
                break;
            case "memory.remembered":
                line.Append("* ").Append(who).Append(" remembered: ").Append(Visible(Field(fact, "text")))
                    .Append(fact.Data["key"] is null ? "" : "  (key: " + Visible(Field(fact, "key")) + ")");
                break;
            case "member.joined":
                line.Append("* ").Append(Who(Field(fact, "agent_id"))).Append(" joined as ").Append(fact.Data["role"]?.GetValue<string>());
                break;
            case "member.requested":
                line.Append("* ").Append(who).Append(" asked to join");
                break;
            case "member.approved" or "member.denied" or "member.removed":
                line.Append("* ").Append(who).Append(' ').Append(fact.Type["member.".Length..]).Append(' ').Append(Who(Field(fact, "agent_id")));
                break;
            case "member.left":
                line.Append("* ").Append(who).Append(" left");
                break;
            case "room.created":
                line.Append("* ").Append(who).Append(" created room '").Append(Visible(fact.Data["name"]?.GetValue<string>() ?? "")).Append('\'');
                break;
            case "invite.minted":
                line.Append("* ").Append(who).Append(" minted an invite");
                break;
            case "invite.revoked":
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

    private static string Field(EventView fact, string name) => fact.Data[name]?.GetValue<string>() ?? "";

    private static long Size(EventView fact) => fact.Data["size"] is JsonValue size && size.TryGetValue<long>(out var bytes) ? bytes : 0;

    private static string Note(EventView fact) => fact.Data["note"] is null ? "" : ": " + Visible(Field(fact, "note"));

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
        return node.ToJsonString();
    }

    /// <summary>Escapes control, bidirectional and invisible characters; keeps newlines, indented under the line.</summary>
    public static string Visible(string text) => PeerText.Visible(text);
}
