namespace Parler.Hub.Actions;

/// <summary>
/// Every action the hub serves: each contract of <see cref="ActionCatalog"/> with its handler, in the catalog's order.
/// Routes, OpenAPI, llms.txt and affordances all come from here; a contract without a handler, or a handler without a
/// contract, stops the hub from starting. The hub's own set is <c>Features/HubFeatures</c>.
/// </summary>
internal sealed class ActionRegistry
{
    public ActionRegistry(ActionCatalog catalog, IEnumerable<ActionDefinition> handlers)
    {
        var byName = new Dictionary<string, ActionDefinition>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!byName.TryAdd(handler.Name, handler))
            {
                throw new InvalidOperationException($"Action '{handler.Name}' is handled twice.");
            }

            if (!ReferenceEquals(catalog[handler.Name], handler.Contract))
            {
                throw new InvalidOperationException($"Action '{handler.Name}' is handled under a contract the catalog does not hold.");
            }
        }

        var unhandled = catalog.Actions.Where(a => !byName.ContainsKey(a.Name)).Select(a => a.Name).ToList();
        if (unhandled.Count > 0)
        {
            throw new InvalidOperationException($"No handler for: {string.Join(", ", unhandled)}.");
        }

        Actions = catalog.Actions.Select(a => byName[a.Name]).ToList();
    }

    public IReadOnlyList<ActionDefinition> Actions { get; }

    public ActionDefinition this[string name] =>
        Actions.FirstOrDefault(a => a.Name == name) ?? throw new KeyNotFoundException($"No action '{name}'.");
}
