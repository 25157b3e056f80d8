using System.Text.Json.Nodes;
using Parler.Contract;

namespace Parler.Mcp.Tools;

/// <summary>One MCP tool as declared: its name, description and input schema, and the registry actions behind it.</summary>
/// <param name="Action">The one action this tool calls, or null for a composite.</param>
/// <param name="Actions">Every action the tool stands on, the main one first.</param>
/// <param name="PathParameters">Arguments that fill the action's route.</param>
/// <param name="Fields">Arguments passed on as the action's body (or query, for a read).</param>
internal sealed record ToolSpec(
    string Name,
    string Description,
    JsonObject InputSchema,
    ActionContract? Action,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> PathParameters,
    IReadOnlyList<string> Fields,
    bool ReadOnly,
    bool Idempotent,
    bool Destructive)
{
    public IEnumerable<string> Parameters => InputSchema["properties"]!.AsObject().Select(p => p.Key);

    public static string NameOf(string action) => action.Replace('.', '_');
}
