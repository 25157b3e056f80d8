using System.Collections.Concurrent;
using Parler.Hub.Storage;

namespace Parler.Hub.Live;

/// <summary>
/// Wakes readers waiting on a stream after a commit. A signal carries no data: woken readers catch up from
/// their cursors, so a missed or spurious wake-up can never lose or duplicate a fact.
/// </summary>
internal sealed class RoomSignals(IHubStore store)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    /// <summary>The rooms SSE streams follow, told of a commit before its readers are woken.</summary>
    public RoomFeed Feed { get; } = new(store);

    /// <summary>A task that completes at the next commit to the stream. Take it before reading, then wait on it.</summary>
    public Task NextAsync(string stream) =>
        _waiters.GetOrAdd(stream, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Told of every commit before any reader is woken for it (caches of what a commit may change).</summary>
    public event Action<IReadOnlyCollection<string>>? Committing;

    public void Publish(IReadOnlyCollection<string> streams)
    {
        Committing?.Invoke(streams);
        Feed.Changed(streams);
        foreach (var stream in streams)
        {
            if (_waiters.TryRemove(stream, out var waiter))
            {
                waiter.TrySetResult();
            }
        }
    }
}
