using ModelContextProtocol;

namespace Parler.Mcp.Tools;

/// <summary>
/// Which tools <c>tools/list</c> offers, from PARLER_MCP_TOOLS: unset or "default" is the everyday set, "all" is
/// every tool, and a comma-separated list names tools (with or without the parler_ prefix) and may include "default"
/// to add them to it, e.g. "default,parler_serve,parler_lease_job".
/// </summary>
internal static class ToolProfile
{
    public const string Variable = "PARLER_MCP_TOOLS";

    public static IReadOnlyList<ToolSpec> Select(IReadOnlyList<ToolSpec> tools, string? setting)
    {
        var words = (setting ?? "default").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            words = ["default"];
        }

        if (words.Contains("all", StringComparer.OrdinalIgnoreCase))
        {
            return tools;
        }

        var named = words.Where(w => !w.Equals("default", StringComparison.OrdinalIgnoreCase))
            .Select(w => w.StartsWith("parler_", StringComparison.Ordinal) ? w : "parler_" + w)
            .ToHashSet(StringComparer.Ordinal);
        var unknown = named.Where(n => tools.All(t => t.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            throw new McpException(
                $"{Variable} names tools that do not exist: {string.Join(", ", unknown)}. Use 'default', 'all' or tool names: {string.Join(", ", tools.Select(t => t.Name))}.");
        }

        var withDefault = words.Any(w => w.Equals("default", StringComparison.OrdinalIgnoreCase));
        return [.. tools.Where(t => named.Contains(t.Name) || (withDefault && t.Face.Default))];
    }
}
