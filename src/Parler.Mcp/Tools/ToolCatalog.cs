using System.Text.Json.Nodes;
using Parler.Contract;

namespace Parler.Mcp.Tools;

/// <summary>
/// Every tool, declared from the hub's action registry: tool name = action name with '.' as '_', description =
/// summary + description (+ a note where the tool does more), input schema = the route's parameters plus the
/// action's input minus what the client fills itself. Every action is a tool or excluded with a reason.
/// </summary>
internal static class ToolCatalog
{
    /// <summary>Actions whose effect is final for someone: a denial, a removal, a departure, a revoked invite.</summary>
    private static readonly IReadOnlySet<string> Final = new HashSet<string>(StringComparer.Ordinal)
    {
        "requests.deny", "members.remove", "rooms.leave", "invites.revoke",
    };

    public static IReadOnlyList<ToolSpec> Build(ActionCatalog registry)
    {
        var unknown = ToolText.Excluded.Keys.Concat(ToolText.Notes.Keys).Concat(ToolText.Descriptions.Keys).Concat(ToolText.Hidden.Keys)
            .Concat(ToolText.Composites.SelectMany(c => c.Actions.Concat(c.Parameters.Select(p => p.Action).OfType<string>())))
            .Where(name => registry.Actions.All(a => a.Name != name))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"The MCP tool table names actions the registry lacks: {string.Join(", ", unknown.Distinct())}.");
        }

        var tools = registry.Actions.Where(a => !ToolText.Excluded.ContainsKey(a.Name)).Select(FromAction).ToList();
        tools.AddRange(ToolText.Composites.Select(c => FromComposite(c, registry)));
        return tools;
    }

    private static ToolSpec FromAction(ActionContract action)
    {
        var hidden = ToolText.ClientFilled.Concat(ToolText.Hidden.GetValueOrDefault(action.Name) ?? []).ToHashSet(StringComparer.Ordinal);
        var pathParameters = ToolSchema.PathParameters(action.Route);
        var properties = new JsonObject();
        foreach (var name in pathParameters)
        {
            properties[name] = new JsonObject { ["type"] = "string", ["description"] = ToolText.PathParameters[name] };
        }

        var fields = ToolSchema.Fields(action).Where(f => !hidden.Contains(f.Key)).ToList();
        foreach (var (name, schema) in fields)
        {
            properties[name] = schema;
        }

        if (action.IdempotencyKey)
        {
            properties[ToolText.IdempotencyKey] = new JsonObject { ["type"] = "string", ["description"] = ToolText.IdempotencyKeyDescription };
        }

        var required = pathParameters.Concat(ToolSchema.Required(action).Where(r => !hidden.Contains(r)));
        var description = ToolText.Descriptions.GetValueOrDefault(action.Name) ?? action.Description;
        var note = ToolText.Notes.GetValueOrDefault(action.Name);
        var reads = action.ReadOnly && action.Name != "messages.read";
        return new ToolSpec(
            ToolSpec.NameOf(action.Name),
            $"{action.Summary} {description}{(note is null ? "" : " " + note)}",
            ToolSchema.Object(properties, required),
            action,
            [action.Name],
            pathParameters,
            [.. fields.Select(f => f.Key)],
            ReadOnly: reads,
            Idempotent: reads || action.IdempotencyKey,
            Destructive: Final.Contains(action.Name));
    }

    private static ToolSpec FromComposite(CompositeSpec composite, ActionCatalog registry)
    {
        var properties = new JsonObject();
        foreach (var parameter in composite.Parameters)
        {
            var field = parameter.Action is null ? new JsonObject { ["type"] = parameter.Field }
                : parameter.Field.StartsWith('{') && ToolSchema.PathParameters(registry[parameter.Action].Route).Contains(parameter.Field[1..^1])
                    ? new JsonObject { ["type"] = "string" }
                    : ToolSchema.Field(registry[parameter.Action], parameter.Field)
                        ?? throw new InvalidOperationException($"Action '{parameter.Action}' has no input field '{parameter.Field}' for tool {composite.Name}.");
            properties[parameter.Name] = ToolSchema.Described(field, parameter.Description);
        }

        return new ToolSpec(
            composite.Name,
            $"{composite.Sentence} Stands on {string.Join(", ", composite.Actions)}.",
            ToolSchema.Object(properties, composite.Parameters.Where(p => p.Required).Select(p => p.Name)),
            null,
            composite.Actions,
            [],
            [.. composite.Parameters.Select(p => p.Name)],
            composite.ReadOnly,
            composite.Idempotent,
            Destructive: false);
    }
}
