using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Parler.Core.Protocol;

namespace Parler.Mcp.Tools;

/// <summary>
/// The output schemas a tool declares for its structured result: only the fields a program reads (ids, seqs, keys,
/// lists), typed from the contract record the result is, so the schema cannot drift from what the hub answers. A
/// schema lists no required fields and allows others, so it stays short in <c>tools/list</c>.
/// </summary>
internal static class ToolOutput
{
    /// <summary>Tools whose structured result is a contract record (the action's answer, or the named record), and the fields declared.</summary>
    private static readonly Dictionary<string, (JsonTypeInfo Type, string[] Fields)> Declared = new(StringComparer.Ordinal)
    {
        ["session.open"] = (ProtocolJsonContext.Default.InviteView, ["room", "code", "expires_at"]),
        ["send"] = (ProtocolJsonContext.Default.PostMessageResponse, ["room", "seq"]),
        ["handoffs.post"] = (ProtocolJsonContext.Default.HandoffResponse, ["handoff_id", "seq"]),
        ["invites.mint"] = (ProtocolJsonContext.Default.InviteView, ["code", "expires_at"]),
        ["rooms.list"] = (ProtocolJsonContext.Default.RoomListResponse, ["rooms"]),
        ["memory.remember"] = (ProtocolJsonContext.Default.RememberResponse, ["key", "seq"]),
        ["push"] = (ProtocolJsonContext.Default.SharedBlobResponse, ["blob", "seq"]),
        ["send_file"] = (ProtocolJsonContext.Default.SharedBlobResponse, ["blob", "seq"]),
    };

    public static JsonObject? SchemaFor(string key) =>
        Declared.TryGetValue(key, out var declared) ? ToolSchema.Output(declared.Type, declared.Fields) : null;
}
