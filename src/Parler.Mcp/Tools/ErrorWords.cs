using System.Text.RegularExpressions;

namespace Parler.Mcp.Tools;

/// <summary>
/// A hub's refusal in tool terms: an HTTP route ("POST /v1/rooms/{room}/messages") or a CLI command ('parler recv')
/// in its text becomes the tool that does that here, so the model is never told to call what it cannot.
/// </summary>
internal sealed partial class ErrorWords
{
    /// <summary>Actions no tool calls directly, and the tool that does their work.</summary>
    private static readonly Dictionary<string, string> Instead = new(StringComparer.Ordinal)
    {
        ["messages.post"] = "parler_send", ["cursor.ack"] = "parler_recv", ["messages.stream"] = "parler_recv",
        ["messages.history"] = "parler_recv",
        ["auth.challenge"] = "(sign-in is automatic)", ["auth.token"] = "(sign-in is automatic)",
        ["cards.publish"] = "parler_register", ["bundles.post"] = "parler_push", ["files.post"] = "parler_send_file",
        ["blobs.upload"] = "parler_send_file", ["blobs.download"] = "parler_fetch",
    };

    private readonly List<(Regex Route, string Tool)> _routes = [];
    private readonly HashSet<string> _tools;

    public ErrorWords(IReadOnlyList<ToolSpec> tools, IEnumerable<(string Action, string Method, string Route)> actions)
    {
        _tools = tools.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var byAction = tools.Where(t => t.Action is not null).ToDictionary(t => t.Action!.Name, t => t.Name, StringComparer.Ordinal);
        foreach (var (action, method, route) in actions.OrderByDescending(a => a.Route.Length))
        {
            if ((byAction.GetValueOrDefault(action) ?? Instead.GetValueOrDefault(action)) is { } tool)
            {
                var pattern = Regex.Escape(route).Replace(@"\{", "{", StringComparison.Ordinal);
                pattern = Placeholder().Replace(pattern, "[^\\s'\",;)]+");
                _routes.Add((new Regex($"(?:{method} )?{pattern}(?![\\w/])", RegexOptions.CultureInvariant), tool));
            }
        }
    }

    public string InToolTerms(string text)
    {
        foreach (var (route, tool) in _routes)
        {
            text = route.Replace(text, tool);
        }

        return CliCommand().Replace(text, m =>
            _tools.Contains("parler_" + m.Groups[1].Value.Replace(' ', '_')) ? "parler_" + m.Groups[1].Value.Replace(' ', '_') : m.Value);
    }

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<='?)parler ([a-z]+)(?=[\s'.,)])")]
    private static partial Regex CliCommand();
}
