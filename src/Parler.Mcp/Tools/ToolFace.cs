namespace Parler.Mcp.Tools;

/// <summary>A tool's face to a model; see <see cref="ToolSurface"/>.</summary>
/// <param name="Default">In the default profile (PARLER_MCP_TOOLS unset).</param>
/// <param name="Idempotent">Calling again with the same arguments has no further effect.</param>
internal sealed record ToolFace(string Name, string Title, bool Default, bool Idempotent, string Description);
