using System.Diagnostics;

namespace Parler.LoadTest;

/// <summary>
/// One run against one target through a warm-up and a measured window, while every watcher times each message from
/// send start to its delivery. Closed loop: every sender sends back to back, waiting for each acknowledgement. Open
/// loop: each sender sends on a fixed schedule (rate / senders per second); a send that starts late because the one
/// before it was still waiting counts from its scheduled time, so the server's queueing shows in the latencies.
/// </summary>
internal sealed class LoadDriver(ILoadTarget target, LoadOptions options)
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

    /// <summary>An open-loop sender this far behind its schedule stops: the server cannot take the offered rate.</summary>
    private static readonly TimeSpan MaxLag = TimeSpan.FromSeconds(5);

    private readonly LatencySamples _send = new();
    private readonly LatencySamples _deliver = new();
    private readonly string _marker = Guid.NewGuid().ToString("N");
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int[] _watcherReady = new int[options.Watchers];
    private int _watchersReady;
    private long _late;
    private long _abandoned;
    private long _lastAck;
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;
    private long _sent;
    private long _delivered;
    private long _errors;
    private int _errorsReported;

    public async Task<RunResult> RunAsync(CancellationToken cancellationToken)
    {
        await target.StartAsync(options.Senders, options.Watchers, cancellationToken);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watcher = Task.WhenAll(Enumerable.Range(0, options.Watchers).Select(w =>
            Task.Run(() => target.WatchAsync(w, body => OnDelivered(w, body), watching.Token), CancellationToken.None)));
        await WaitUntilWatchingAsync(watcher, cancellationToken);

        var begin = Stopwatch.GetTimestamp();
        _windowStart = begin + Ticks(options.WarmUp);
        _windowEnd = _windowStart + Ticks(options.Window);
        var senders = Enumerable.Range(0, options.Senders)
            .Select(i => Task.Run(() => options.OpenLoop ? ScheduleAsync(i, begin, cancellationToken) : SendLoopAsync(i, cancellationToken), cancellationToken))
            .ToArray();

        await Task.Delay(options.WarmUp, cancellationToken);
        var serverCpu = target.ServerCpu;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.Delay(options.Window, cancellationToken);
        serverCpu = target.ServerCpu - serverCpu;
        clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;
        await Task.WhenAll(senders);

        var drainDeadline = Stopwatch.GetTimestamp() + Ticks(DrainTimeout);
        while (Interlocked.Read(ref _delivered) < Interlocked.Read(ref _sent) * options.Watchers && Stopwatch.GetTimestamp() < drainDeadline && !watcher.IsCompleted)
        {
            await Task.Delay(20, cancellationToken);
        }

        await watching.CancelAsync();
        await StopAsync(watcher);
        var sent = Interlocked.Read(ref _sent);
        var perSend = Math.Max(sent, 1);
        // Sends that began in the window over the time until the last of them was acknowledged: the rate achieved,
        // even when an open-loop run fell behind the rate it offered.
        var span = Math.Max(options.Window.TotalSeconds, (double)(Interlocked.Read(ref _lastAck) - _windowStart) / Stopwatch.Frequency);
        return new RunResult(
            target.Name, sent / span, _send.Summarize(), _deliver.Summarize(), sent,
            Interlocked.Read(ref _delivered), Interlocked.Read(ref _errors),
            serverCpu.TotalMicroseconds / perSend, clientCpu.TotalMicroseconds / perSend, Interlocked.Read(ref _late), Interlocked.Read(ref _abandoned));
    }

    private async Task SendLoopAsync(int sender, CancellationToken cancellationToken)
    {
        for (long sequence = 0; ; sequence++)
        {
            var start = Stopwatch.GetTimestamp();
            if (start >= _windowEnd)
            {
                return;
            }

            await SendOneAsync(sender, sequence, start, cancellationToken);
        }
    }

    /// <summary>Open loop: this sender's share of the offered rate, its first send offset so the senders interleave.</summary>
    private async Task ScheduleAsync(int sender, long begin, CancellationToken cancellationToken)
    {
        var interval = Stopwatch.Frequency * (double)options.Senders / options.Rate!.Value;
        var first = begin + (long)(interval * sender / options.Senders);
        for (long sequence = 0; ; sequence++)
        {
            var scheduled = first + (long)(interval * sequence);
            if (scheduled >= _windowEnd)
            {
                return;
            }

            var wait = scheduled - Stopwatch.GetTimestamp();
            if (-wait > Ticks(MaxLag))
            {
                var left = (long)Math.Ceiling((_windowEnd - Math.Max(scheduled, _windowStart)) / interval);
                Interlocked.Add(ref _abandoned, Math.Max(left, 0));
                return;
            }

            long start;
            if (wait > 0)
            {
                // On time: the clock starts when the send does, so the timer's own slack is not charged to the server.
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken);
                start = Stopwatch.GetTimestamp();
            }
            else
            {
                start = scheduled;
                if (scheduled >= _windowStart)
                {
                    Interlocked.Increment(ref _late);
                }
            }

            await SendOneAsync(sender, sequence, start, cancellationToken);
        }
    }

    private async Task SendOneAsync(int sender, long sequence, long start, CancellationToken cancellationToken)
    {
        try
        {
            await target.SendAsync(sender, Payload.Load(sender, sequence, start, options.Size), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Interlocked.Increment(ref _errors);
            if (Interlocked.Exchange(ref _errorsReported, 1) == 0)
            {
                await Console.Error.WriteLineAsync($"{target.Name}: a send failed (only the first is shown): {ex.Message}");
            }

            return;
        }

        if (start >= _windowStart)
        {
            var acknowledged = Stopwatch.GetTimestamp();
            _send.Add(Payload.MillisecondsSince(start, acknowledged));
            Interlocked.Increment(ref _sent);
            long last;
            while ((last = Interlocked.Read(ref _lastAck)) < acknowledged && Interlocked.CompareExchange(ref _lastAck, acknowledged, last) != last)
            {
                // Another sender moved it; try again against the new value.
            }
        }
    }

    private void OnDelivered(int watcher, string body)
    {
        var now = Stopwatch.GetTimestamp();
        if (Payload.StartOf(body) is { } start)
        {
            if (start >= _windowStart && start < _windowEnd)
            {
                _deliver.Add(Payload.MillisecondsSince(start, now));
                Interlocked.Increment(ref _delivered);
            }
        }
        else if (Payload.IsReady(body, _marker) && Interlocked.Exchange(ref _watcherReady[watcher], 1) == 0
            && Interlocked.Increment(ref _watchersReady) == options.Watchers)
        {
            _ready.TrySetResult();
        }
    }

    /// <summary>Sends a marker until every watcher has seen one, so no measured message can precede a subscription.</summary>
    private async Task WaitUntilWatchingAsync(Task watcher, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 40 && !_ready.Task.IsCompleted; attempt++)
        {
            await target.SendAsync(0, Payload.Ready(_marker, options.Size), cancellationToken);
            await Task.WhenAny(_ready.Task, watcher, Task.Delay(250, cancellationToken));
            if (watcher.IsCompleted)
            {
                await watcher;
                throw new InvalidOperationException($"{target.Name}: a watcher stopped before the run began.");
            }
        }

        if (!_ready.Task.IsCompleted)
        {
            throw new TimeoutException($"{target.Name}: {options.Watchers - _watchersReady} watcher(s) never saw a message.");
        }
    }

    private static async Task StopAsync(Task watcher)
    {
        try
        {
            await watcher;
        }
        catch (OperationCanceledException)
        {
            // Cancelled on purpose once everything was delivered.
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
