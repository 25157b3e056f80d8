using Parler.Hub.Actions.Catalog;

namespace Parler.Hub.Actions;

/// <summary>Every action the hub offers, in one list. Routes, OpenAPI, llms.txt and affordances all come from here.</summary>
internal sealed class ActionRegistry
{
    public ActionRegistry(IEnumerable<ActionDefinition> actions)
    {
        Actions = actions.ToList();
        var duplicate = Actions.GroupBy(a => a.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Action '{duplicate.Key}' is declared twice.");
        }
    }

    public IReadOnlyList<ActionDefinition> Actions { get; }

    public ActionDefinition this[string name] =>
        Actions.FirstOrDefault(a => a.Name == name) ?? throw new KeyNotFoundException($"No action '{name}'.");

    public static ActionRegistry CreateDefault() => new(
    [
        .. HubActions.Declare(),
        .. AuthActions.Declare(),
        .. RoomActions.Declare(),
        .. InviteActions.Declare(),
        .. MessageActions.Declare(),
        .. MemoryActions.Declare(),
        .. QueueActions.Declare(),
        .. SessionActions.Declare(),
        .. HandoffActions.Declare(),
        .. CardActions.Declare(),
        .. DmActions.Declare(),
        .. BlobActions.Declare(),
    ]);
}
