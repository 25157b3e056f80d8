using System.Diagnostics;
using System.Globalization;

namespace Parler.LoadTest;

/// <summary>
/// What each of many watchers has seen: whether any subscription marker yet, and when the current probe arrived.
/// Each watcher writes only its own slot; the counters tell when all have.
/// </summary>
internal sealed class ProbeBoard(int watchers)
{
    public const string Marker = "idle marker";
    private const string ProbePrefix = "idle probe ";

    private readonly int[] _subscribed = new int[watchers];
    private readonly long[] _arrival = new long[watchers];
    private readonly TaskCompletionSource _allSubscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _subscribedCount;
    private int _current;
    private int _remaining;

    public Task Subscribed => _allSubscribed.Task;

    public bool AllSubscribed => _allSubscribed.Task.IsCompleted;

    public int SubscribedCount => Volatile.Read(ref _subscribedCount);

    public static string Probe(int number) => ProbePrefix + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Starts waiting for probe <paramref name="number"/> on every watcher.</summary>
    public Task Expect(int number)
    {
        Array.Clear(_arrival);
        _allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _remaining, watchers);
        Volatile.Write(ref _current, number);
        return _allArrived.Task;
    }

    public void Seen(int watcher, string body)
    {
        if (body == Marker)
        {
            if (Interlocked.Exchange(ref _subscribed[watcher], 1) == 0 && Interlocked.Increment(ref _subscribedCount) == watchers)
            {
                _allSubscribed.TrySetResult();
            }
        }
        else if (body.StartsWith(ProbePrefix, StringComparison.Ordinal)
            && int.TryParse(body.AsSpan(ProbePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number == Volatile.Read(ref _current) && _arrival[watcher] == 0)
        {
            _arrival[watcher] = Stopwatch.GetTimestamp();
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _allArrived.TrySetResult();
            }
        }
    }

    /// <summary>Every watcher's time from <paramref name="start"/> to the current probe's arrival, in ms, sorted.</summary>
    public double[] Latencies(long start)
    {
        var latencies = _arrival.Select(arrival => Payload.MillisecondsSince(start, arrival)).ToArray();
        Array.Sort(latencies);
        return latencies;
    }
}
