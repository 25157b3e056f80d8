using System.Threading.Channels;

namespace Parler.Hub.Storage;

/// <summary>
/// The single-writer queue every store shares: callers enqueue writes and wait for their commit; one loop takes
/// whatever is queued (up to a batch) and hands it to the store's commit.
/// </summary>
internal sealed class WriteQueue(int maxBatch, string storeName)
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _loop;

    public async Task<T> EnqueueAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, WriteHints? hints, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<T>(work, hints, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(storeName, "The hub is shutting down.");
        }

        return await pending.Result;
    }

    /// <summary>Starts the loop; <paramref name="commit"/> answers every write of the batch it is given.</summary>
    public void Start(Func<List<PendingWrite>, Task> commit) => _loop = Task.Run(() => RunAsync(commit), CancellationToken.None);

    /// <summary>Refuses new writes, then waits for the queued ones to be committed.</summary>
    public async Task StopAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    private async Task RunAsync(Func<List<PendingWrite>, Task> commit)
    {
        var batch = new List<PendingWrite>(maxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < maxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                await commit(batch);
            }
            catch (Exception ex)
            {
                // The store's commit answers its writers itself; this is the last guard, so that no writer waits forever
                // and the loop lives on to take the next batch. An answered writer keeps its answer (TrySet).
                var failure = StoreFailure.Classify(ex) is { } known
                    ? StoreFailure.ToHubException(known.Error, known.Reason)
                    : ex;
                foreach (var pending in batch)
                {
                    pending.Fail(failure);
                }
            }

            batch.Clear();
        }
    }
}
