namespace Parler.Mcp.Tools;

/// <summary>
/// Which tools <c>tools/list</c> offers, from PARLER_MCP_TOOLS: unset or "default" is the everyday set, "all" is
/// every tool, and a comma-separated list names tools (with or without the parler_ prefix) and may include "default"
/// to add them to it, e.g. "default,parler_serve,parler_lease_job". Names that are no tool are left out (and reported).
/// </summary>
internal static class ToolProfile
{
    public const string Variable = "PARLER_MCP_TOOLS";

    /// <summary>Names in the setting that are no tool; <see cref="Select"/> leaves them out, and the server says so on stderr.</summary>
    public static IReadOnlyList<string> Unknown(IReadOnlyList<ToolSpec> tools, string? setting) =>
        [.. Names(setting).Where(n => tools.All(t => t.Name != n))];

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

        var named = Names(setting).ToHashSet(StringComparer.Ordinal);
        var withDefault = words.Any(w => w.Equals("default", StringComparison.OrdinalIgnoreCase)) || tools.All(t => !named.Contains(t.Name));
        return [.. tools.Where(t => named.Contains(t.Name) || (withDefault && t.Face.Default))];
    }

    private static IEnumerable<string> Names(string? setting) =>
        (setting ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => !w.Equals("default", StringComparison.OrdinalIgnoreCase) && !w.Equals("all", StringComparison.OrdinalIgnoreCase))
            .Select(w => w.StartsWith("parler_", StringComparison.Ordinal) ? w : "parler_" + w);
}
