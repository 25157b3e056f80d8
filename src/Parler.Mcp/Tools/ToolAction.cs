namespace Parler.Mcp.Tools;

/// <summary>What the MCP server needs of one registry action to call it: the only registry shape the tools carry.</summary>
/// <param name="HasBody">The action takes a JSON body with fields.</param>
/// <param name="Writes">A consequential write that takes an idempotency key.</param>
internal sealed record ToolAction(string Name, string Method, string Route, bool HasBody, bool Writes);
