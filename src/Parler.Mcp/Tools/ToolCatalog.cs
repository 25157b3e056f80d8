using System.Text.Json.Nodes;
using Parler.Contract;

namespace Parler.Mcp.Tools;

/// <summary>
/// Every tool, declared from the hub's action registry: the input schema's parameters are the route's parameters plus
/// the action's input fields minus what the client fills itself; the words come from <see cref="ToolSurface"/> and
/// <see cref="ParameterText"/>. Every action is a tool or excluded with a reason. This is the one place the MCP server
/// reads the registry's types.
/// </summary>
internal static class ToolCatalog
{
    public static IReadOnlyList<ToolSpec> Build(ActionCatalog registry)
    {
        var unknown = ToolText.Excluded.Keys.Concat(ToolText.Optional.Keys).Concat(ToolText.DerivedKey).Concat(ToolText.Final)
            .Concat(ToolText.Composites.SelectMany(c => c.Actions))
            .Where(name => registry.Actions.All(a => a.Name != name))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"The MCP tool table names actions the registry lacks: {string.Join(", ", unknown.Distinct())}.");
        }

        var tools = registry.Actions.Where(a => !ToolText.Excluded.ContainsKey(a.Name)).Select(FromAction).ToList();
        tools.AddRange(ToolText.Composites.Select(FromComposite));
        return tools;
    }

    /// <summary>The translator of hub refusals into tool terms, from every registry action's method and route.</summary>
    public static ErrorWords Words(ActionCatalog registry, IReadOnlyList<ToolSpec> tools) =>
        new(tools, registry.Actions.Select(a => (a.Name, a.Method, a.Route)));

    /// <summary>The tool's name for a registry action, for turning the hub's action names into tool names.</summary>
    public static string? ToolNameOf(string action) => ToolSurface.Faces.GetValueOrDefault(action)?.Name;

    private static ToolSpec FromAction(ActionContract action)
    {
        var optional = ToolText.Optional.GetValueOrDefault(action.Name) ?? [];
        var pathParameters = ToolSchema.PathParameters(action.Route);
        var fields = ToolSchema.FieldNames(action).Where(f => !ToolText.ClientFilled.Contains(f)).ToList();
        var properties = new JsonObject();
        foreach (var name in pathParameters.Concat(fields))
        {
            properties[name] = ParameterText.For(action.Name, name);
        }

        var required = pathParameters.Where(p => !optional.Contains(p)).Concat(ToolSchema.Required(action).Where(fields.Contains));
        var reads = action.ReadOnly && action.Name != "messages.read";
        return new ToolSpec(
            action.Name,
            ToolSurface.For(action.Name),
            ToolSchema.Object(properties, required),
            new ToolAction(action.Name, action.Method, action.Route, action.Input is { Properties.Count: > 0 }, action.IdempotencyKey),
            [action.Name],
            pathParameters,
            fields,
            ReadOnly: reads,
            Destructive: ToolText.Final.Contains(action.Name),
            DerivedKey: ToolText.DerivedKey.Contains(action.Name),
            ToolOutput.SchemaFor(action.Name));
    }

    private static ToolSpec FromComposite(CompositeSpec composite)
    {
        var properties = new JsonObject();
        foreach (var parameter in composite.Parameters)
        {
            properties[parameter] = ParameterText.For(composite.Key, parameter);
        }

        return new ToolSpec(
            composite.Key,
            ToolSurface.For(composite.Key),
            ToolSchema.Object(properties, composite.Required),
            null,
            composite.Actions,
            [],
            composite.Parameters,
            composite.ReadOnly,
            Destructive: false,
            DerivedKey: false,
            ToolOutput.SchemaFor(composite.Key));
    }
}
