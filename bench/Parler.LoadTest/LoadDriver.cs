using System.Diagnostics;

namespace Parler.LoadTest;

/// <summary>
/// One run against one target: every sender sends back to back (waiting for each acknowledgement) through a
/// warm-up and a measured window, while the watcher times each message from send start to its delivery.
/// </summary>
internal sealed class LoadDriver(ILoadTarget target, LoadOptions options)
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

    private readonly LatencySamples _send = new();
    private readonly LatencySamples _deliver = new();
    private readonly string _marker = Guid.NewGuid().ToString("N");
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;
    private long _sent;
    private long _delivered;
    private long _errors;
    private int _errorsReported;

    public async Task<RunResult> RunAsync(CancellationToken cancellationToken)
    {
        await target.StartAsync(options.Senders, cancellationToken);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watcher = Task.Run(() => target.WatchAsync(OnDelivered, watching.Token), CancellationToken.None);
        await WaitUntilWatchingAsync(watcher, cancellationToken);

        var begin = Stopwatch.GetTimestamp();
        _windowStart = begin + Ticks(options.WarmUp);
        _windowEnd = _windowStart + Ticks(options.Window);
        var senders = Enumerable.Range(0, options.Senders)
            .Select(i => Task.Run(() => SendLoopAsync(i, cancellationToken), cancellationToken))
            .ToArray();

        await Task.Delay(options.WarmUp, cancellationToken);
        var serverCpu = target.ServerCpu;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.Delay(options.Window, cancellationToken);
        serverCpu = target.ServerCpu - serverCpu;
        clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;
        await Task.WhenAll(senders);

        var drainDeadline = Stopwatch.GetTimestamp() + Ticks(DrainTimeout);
        while (Interlocked.Read(ref _delivered) < Interlocked.Read(ref _sent) && Stopwatch.GetTimestamp() < drainDeadline && !watcher.IsCompleted)
        {
            await Task.Delay(20, cancellationToken);
        }

        await watching.CancelAsync();
        await StopAsync(watcher);
        var sent = Interlocked.Read(ref _sent);
        var perSend = Math.Max(sent, 1);
        return new RunResult(
            target.Name, sent / options.Window.TotalSeconds, _send.Summarize(), _deliver.Summarize(), sent,
            Interlocked.Read(ref _delivered), Interlocked.Read(ref _errors),
            serverCpu.TotalMicroseconds / perSend, clientCpu.TotalMicroseconds / perSend);
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

                continue;
            }

            if (start >= _windowStart)
            {
                _send.Add(Payload.MillisecondsSince(start, Stopwatch.GetTimestamp()));
                Interlocked.Increment(ref _sent);
            }
        }
    }

    private void OnDelivered(string body)
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
        else if (Payload.IsReady(body, _marker))
        {
            _ready.TrySetResult();
        }
    }

    /// <summary>Sends a marker until the watcher sees one, so no measured message can precede the subscription.</summary>
    private async Task WaitUntilWatchingAsync(Task watcher, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 40 && !_ready.Task.IsCompleted; attempt++)
        {
            await target.SendAsync(0, Payload.Ready(_marker, options.Size), cancellationToken);
            await Task.WhenAny(_ready.Task, watcher, Task.Delay(250, cancellationToken));
            if (watcher.IsCompleted)
            {
                await watcher;
                throw new InvalidOperationException($"{target.Name}: the watcher stopped before the run began.");
            }
        }

        if (!_ready.Task.IsCompleted)
        {
            throw new TimeoutException($"{target.Name}: the watcher never saw a message.");
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
