using System.Diagnostics;
using System.Globalization;

namespace Parler.LoadTest;

/// <summary>
/// N idle SSE watchers of one room on a fresh hub: the hub's resident memory before and with them, and the time for one
/// message to reach all of them. The watchers are spread over up to 100 member identities, each stream its own
/// connection; a marker sent until every stream has seen one proves they are all subscribed. Then, after the streams
/// have idled, probe messages go one at a time and each is timed from its send to its arrival on every stream.
/// </summary>
internal static class IdleWatchersBenchmark
{
    private const int Probes = 5;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReachTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Streams being opened at once: ten thousand connects in one burst overflow the listen backlog.</summary>
    private const int Opening = 100;

    public static async Task<int> RunAsync(int watchers, int runs, CancellationToken cancellationToken)
    {
        var rows = new List<IdleRun>();
        for (var run = 1; run <= runs; run++)
        {
            var row = await RunOnceAsync(watchers, cancellationToken);
            rows.Add(row);
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"run {run}/{runs}: hub RSS {row.Before >> 20} MiB -> {row.With >> 20} MiB with {watchers} watchers " +
                $"({(row.With - row.Before) / 1024.0 / watchers:0.0} KiB each; anonymous {row.AnonymousBefore >> 20} -> {row.Anonymous >> 20} MiB), all subscribed in {row.Subscribe:0} ms; " +
                $"one message reaches all: p50 {row.P50:0.0} ms, p99 {row.P99:0.0} ms, max {row.Max:0.0} ms (median of {Probes} probes)"));
        }

        double Median(Func<IdleRun, double> pick) => rows.Select(pick).Order().ElementAt(rows.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{watchers} idle SSE watchers of one room, median of {runs} run(s): hub RSS {(long)Median(r => r.Before) >> 20} MiB before, " +
            $"{(long)Median(r => r.With) >> 20} MiB with them ({Median(r => (r.With - r.Before) / 1024.0 / watchers):0.0} KiB each); " +
            $"one message to all: p50 {Median(r => r.P50):0.0} ms, p99 {Median(r => r.P99):0.0} ms, max {Median(r => r.Max):0.0} ms"));
        Console.WriteLine("(targets: RSS with 10,000 watchers under 150 MB; p99 to reach all under 250 ms)");
        return 0;
    }

    private static async Task<IdleRun> RunOnceAsync(int watchers, CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("parler-idle-");
        try
        {
            await using var hub = await HubProcess.StartAsync(root.FullName, cancellationToken);
            using var owner = BenchClient.New(root, hub, "owner");
            await owner.SignInAsync(cancellationToken);
            var room = await owner.CreateRoomAsync("idle", "channel", cancellationToken);
            var identities = Math.Min(watchers, 100);
            var invite = (await owner.MintInviteAsync(room.Id, 3600, identities, cancellationToken)).Code;
            var members = Enumerable.Range(0, identities).Select(i => BenchClient.New(root, hub, $"watcher-{i}")).ToList();
            var tokens = await Task.WhenAll(members.Select(async member =>
            {
                var token = (await member.SignInAsync(cancellationToken)).Token;
                await member.RedeemInviteAsync(invite, cancellationToken);
                return token;
            }));

            var before = ProcStatus.ResidentBytes(hub.Process.Id);
            var anonymousBefore = ProcStatus.AnonymousBytes(hub.Process.Id);
            using var http = SseWatch.Client(hub.Url);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var probes = new ProbeBoard(watchers);
            using var opening = new SemaphoreSlim(Opening);
            var openedCount = 0;
            var streams = Enumerable.Range(0, watchers)
                .Select(w => Task.Run(() => OpenAsync(opening, opened => SseWatch.FollowAsync(
                    http, tokens[w % identities], room.Id, body => probes.Seen(w, body), stop.Token, () =>
                    {
                        Interlocked.Increment(ref openedCount);
                        opened();
                    })), CancellationToken.None))
                .ToArray();

            // Markers only once every stream is open: each post wakes every open stream, so a steady drip of markers
            // while thousands connect would measure the markers.
            var clock = Stopwatch.StartNew();
            while (Volatile.Read(ref openedCount) < watchers)
            {
                CheckStreams(streams, clock, $"{Volatile.Read(ref openedCount)} of {watchers} streams open");
                await Task.Delay(200, cancellationToken);
            }

            while (!probes.AllSubscribed)
            {
                await owner.PostMessageAsync(room.Id, ProbeBoard.Marker, null, cancellationToken);
                await Task.WhenAny(probes.Subscribed, Task.Delay(5000, cancellationToken));
                CheckStreams(streams, clock, $"{probes.SubscribedCount} of {watchers} streams saw a marker");
            }

            var subscribe = clock.Elapsed.TotalMilliseconds;
            await Task.Delay(Idle, cancellationToken);
            var with = ProcStatus.ResidentBytes(hub.Process.Id);
            var anonymous = ProcStatus.AnonymousBytes(hub.Process.Id);
            var reach = new List<double[]>();
            for (var probe = 1; probe <= Probes; probe++)
            {
                var arrived = probes.Expect(probe);
                var start = Stopwatch.GetTimestamp();
                await owner.PostMessageAsync(room.Id, ProbeBoard.Probe(probe), null, cancellationToken);
                await arrived.WaitAsync(ReachTimeout, cancellationToken);
                reach.Add(probes.Latencies(start));
                await Task.Delay(500, cancellationToken);
            }

            await stop.CancelAsync();
            await Task.WhenAll(streams.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));
            foreach (var member in members)
            {
                member.Dispose();
            }

            double Percentile(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
            double MedianOf(Func<double[], double> pick) => reach.Select(pick).Order().ElementAt(reach.Count / 2);
            return new IdleRun(before, with, anonymousBefore, anonymous, subscribe, MedianOf(r => Percentile(r, 0.5)), MedianOf(r => Percentile(r, 0.99)), MedianOf(r => r[^1]));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static void CheckStreams(Task[] streams, Stopwatch clock, string progress)
    {
        if (streams.FirstOrDefault(s => s.IsFaulted) is { } failed)
        {
            throw new InvalidOperationException($"A stream failed ({progress}): {failed.Exception!.GetBaseException().Message}");
        }

        if (clock.Elapsed > TimeSpan.FromMinutes(5))
        {
            throw new TimeoutException($"Timed out: {progress}.");
        }
    }

    /// <summary>Holds a slot of <paramref name="opening"/> until the stream is open (or has ended), so connects come in waves.</summary>
    private static async Task OpenAsync(SemaphoreSlim opening, Func<Action, Task> follow)
    {
        await opening.WaitAsync();
        var released = 0;
        try
        {
            await follow(Release);
        }
        finally
        {
            Release();
        }

        void Release()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                opening.Release();
            }
        }
    }

    private sealed record IdleRun(long Before, long With, long AnonymousBefore, long Anonymous, double Subscribe, double P50, double P99, double Max);
}
