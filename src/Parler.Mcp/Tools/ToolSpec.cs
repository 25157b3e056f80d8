using System.Text.Json.Nodes;

namespace Parler.Mcp.Tools;

/// <summary>One MCP tool as declared: its face, its input schema, and the registry actions behind it.</summary>
/// <param name="Key">The registry action it calls, or the composite's own key.</param>
/// <param name="Action">The one action this tool calls generically, or null for a tool with its own handler and no single action.</param>
/// <param name="Actions">Every action the tool stands on, the main one first.</param>
/// <param name="PathParameters">Arguments that fill the action's route.</param>
/// <param name="Fields">Arguments passed on as the action's body (or query, for a read).</param>
/// <param name="DerivedKey">A write whose idempotency key is derived from its arguments, so a repeat has no further effect.</param>
/// <param name="OutputSchema">The structured result's schema (<see cref="ToolOutput"/>), or null for a tool that answers in text only.</param>
internal sealed record ToolSpec(
    string Key,
    ToolFace Face,
    JsonObject InputSchema,
    ToolAction? Action,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> PathParameters,
    IReadOnlyList<string> Fields,
    bool ReadOnly,
    bool Destructive,
    bool DerivedKey,
    JsonObject? OutputSchema)
{
    public string Name => Face.Name;

    public IEnumerable<string> Parameters => InputSchema["properties"]!.AsObject().Select(p => p.Key);

    public IEnumerable<string> RequiredParameters => InputSchema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [];
}
