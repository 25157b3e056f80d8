namespace Parler.Hub.Limits;

/// <summary>
/// One writer batch's quota charges (<see cref="Quota"/>), counted in memory: each window row is read once, the first
/// time a write of the batch charges it, and written once, with the batch's total, just before the batch commits. The
/// windows stay in the record (every hub on one database shares them; a restart resets nothing), but fifty posts into
/// one room in one batch cost one read and one upsert of that room's window, not fifty upserts. A write rolled back
/// takes its own charges back (<see cref="Undo"/>). Nothing writes a window row between its read and the batch's flush,
/// so what was read stays true for the whole batch; on PostgreSQL another hub's concurrent charge of the same row is a
/// serialization conflict, and the batch runs again on fresh counts.
/// </summary>
internal sealed class QuotaTally
{
    private readonly Dictionary<(string Key, long Window), Window> _windows = [];
    private readonly List<(int Write, Window Window, long Amount)> _charges = [];
    private int _write;

    /// <summary>The write of the batch that the next charges belong to.</summary>
    public void BeginWrite(int write) => _write = write;

    /// <summary>
    /// Adds <paramref name="amount"/> to the window and returns what it holds now, reading the stored count through
    /// <paramref name="readStored"/> the first time this batch touches the window.
    /// </summary>
    public async Task<long> ChargeAsync(string key, long windowStart, long amount, Func<string, long, Task<long>> readStored)
    {
        if (!_windows.TryGetValue((key, windowStart), out var window))
        {
            window = new Window(key, windowStart, await readStored(key, windowStart));
            _windows[(key, windowStart)] = window;
        }

        if (amount != 0)
        {
            window.Unwritten += amount;
            _charges.Add((_write, window, amount));
        }

        return window.Stored + window.Unwritten;
    }

    /// <summary>Knows a window's stored count, read ahead before the batch's writes (0 for a row that does not exist yet).</summary>
    public void Prime(string key, long windowStart, long stored) => _windows.TryAdd((key, windowStart), new Window(key, windowStart, stored));

    /// <summary>Takes back every charge made by <paramref name="write"/> and by the writes after it (rolled back together).</summary>
    public void UndoFrom(int write)
    {
        for (var i = _charges.Count - 1; i >= 0 && _charges[i].Write >= write; i--)
        {
            _charges[i].Window.Unwritten -= _charges[i].Amount;
            _charges.RemoveAt(i);
        }
    }

    /// <summary>Takes back every charge made by <paramref name="write"/> (its savepoint was rolled back).</summary>
    public void Undo(int write)
    {
        // Charges are kept in the order of the writes: the scan stops at the first earlier write.
        for (var i = _charges.Count - 1; i >= 0 && _charges[i].Write >= write; i--)
        {
            if (_charges[i].Write == write)
            {
                _charges[i].Window.Unwritten -= _charges[i].Amount;
                _charges.RemoveAt(i);
            }
        }
    }

    /// <summary>The windows this batch charged, each with the amount to add to its stored row.</summary>
    public IEnumerable<(string Key, long WindowStart, long Amount)> Unwritten()
    {
        foreach (var window in _windows.Values)
        {
            if (window.Unwritten != 0)
            {
                yield return (window.Key, window.WindowStart, window.Unwritten);
            }
        }
    }

    private sealed class Window(string key, long windowStart, long stored)
    {
        public string Key { get; } = key;

        public long WindowStart { get; } = windowStart;

        public long Stored { get; } = stored;

        public long Unwritten { get; set; }
    }
}
