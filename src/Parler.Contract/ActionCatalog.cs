using Parler.Contract.Actions;

namespace Parler.Contract;

/// <summary>Every action of the hub's contract, in one list, in the order the documents and tools show them.</summary>
internal sealed class ActionCatalog
{
    private static readonly Lazy<ActionCatalog> Shared = new(() => new(
    [
        .. HubContract.All,
        .. AuthContract.All,
        .. RoomContract.All,
        .. InviteContract.All,
        .. MessageContract.All,
        .. MemoryContract.All,
        .. QueueContract.All,
        .. SessionContract.All,
        .. HandoffContract.All,
        .. CardContract.All,
        .. DmContract.All,
        .. BlobContract.All,
        .. ConsoleContract.All,
    ]));

    public ActionCatalog(IEnumerable<ActionContract> actions)
    {
        Actions = actions.ToList();
        var duplicate = Actions.GroupBy(a => a.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Action '{duplicate.Key}' is declared twice.");
        }

        var keyWithoutWrite = Actions.FirstOrDefault(a => a.IdempotencyKey && !a.Writes);
        if (keyWithoutWrite is not null)
        {
            throw new InvalidOperationException($"Action '{keyWithoutWrite.Name}' takes an Idempotency-Key but is declared read-only.");
        }
    }

    public IReadOnlyList<ActionContract> Actions { get; }

    public ActionContract this[string name] =>
        Actions.FirstOrDefault(a => a.Name == name) ?? throw new KeyNotFoundException($"No action '{name}'.");

    public static ActionCatalog CreateDefault() => Shared.Value;
}
