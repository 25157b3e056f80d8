namespace Parler.Hub.Storage;

/// <summary>
/// What a writer batch knows of some rows, kept in step with its writes: each value is set by a write (or by the batch
/// before any write, <see cref="Before"/>, which is never undone) and undone with it when its savepoint is rolled back.
/// </summary>
internal sealed class WriteLog<TKey, TValue>
    where TKey : notnull
{
    /// <summary>The write number of what the batch read before its first write.</summary>
    public const int Before = -1;

    private readonly Dictionary<TKey, List<(int Write, TValue Value)>> _values;

    public WriteLog(IEqualityComparer<TKey>? comparer = null) => _values = new(comparer);

    public void Set(int write, TKey key, TValue value)
    {
        if (!_values.TryGetValue(key, out var versions))
        {
            _values[key] = versions = [];
        }

        versions.Add((write, value));
    }

    /// <summary>The value the latest write still standing set.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        if (_values.TryGetValue(key, out var versions) && versions.Count > 0)
        {
            value = versions[^1].Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Every key with the value the latest write still standing set.</summary>
    public IEnumerable<(TKey Key, TValue Value)> Current()
    {
        foreach (var (key, versions) in _values)
        {
            if (versions.Count > 0)
            {
                yield return (key, versions[^1].Value);
            }
        }
    }

    /// <summary>Undoes what <paramref name="write"/> and every later write set (rolled back to its savepoint).</summary>
    public void UndoFrom(int write)
    {
        foreach (var versions in _values.Values)
        {
            versions.RemoveAll(v => v.Write >= write);
        }
    }
}
