using System.Diagnostics;

namespace Parler.LoadTest;

/// <summary>
/// Service queues on a real hub: throughput with 4 workers (lease, then complete) while 4 senders enqueue, and the
/// redelivery latency from the moment a lease ends to a waiting worker holding the job.
/// </summary>
internal static class QueueBenchmark
{
    private const int Workers = 4;
    private const int Senders = 4;
    private const int Runs = 3;
    private const int Redeliveries = 10;

    public static async Task<int> RunAsync(int jobs, CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("parler-queue-");
        try
        {
            await using var hub = await HubProcess.StartAsync(root.FullName, cancellationToken);
            var rates = new List<double>();
            for (var run = 1; run <= Runs; run++)
            {
                var rate = await ThroughputAsync(root, hub, $"work-{run}", jobs, cancellationToken);
                rates.Add(rate);
                await Console.Error.WriteLineAsync($"run {run}/{Runs}: {jobs} jobs, {rate:0} jobs/s");
            }

            rates.Sort();
            Console.WriteLine($"queue: {Workers} workers, {Senders} senders, {jobs} jobs per run; median of {Runs}: {rates[Runs / 2]:0} jobs/s (min {rates[0]:0}, max {rates[^1]:0})");

            var delays = await RedeliveryAsync(root, hub, cancellationToken);
            delays.Sort();
            Console.WriteLine(
                $"redelivery after a 1 s lease ends, to a worker already waiting: p50 {delays[delays.Count / 2]:0.0} ms, " +
                $"max {delays[^1]:0.0} ms over {delays.Count}");
            return 0;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static async Task<double> ThroughputAsync(DirectoryInfo root, HubProcess hub, string queue, int jobs, CancellationToken cancellationToken)
    {
        var workers = Enumerable.Range(0, Workers).Select(w => BenchClient.New(root, hub, $"{queue}-worker-{w}")).ToList();
        var senders = Enumerable.Range(0, Senders).Select(s => BenchClient.New(root, hub, $"{queue}-sender-{s}")).ToList();
        await Task.WhenAll(workers.Select(w => w.ServeAsync(queue, cancellationToken)));
        await Task.WhenAll(senders.Select(s => s.SignInAsync(cancellationToken)));
        var completed = 0;
        var elapsed = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var sending = senders.Select(async (sender, s) =>
        {
            for (var i = s; i < jobs; i += Senders)
            {
                await sender.EnqueueAsync(queue, $"job {i}", cancellationToken);
            }
        });
        var working = workers.Select(async worker =>
        {
            while (Volatile.Read(ref completed) < jobs)
            {
                if (await worker.LeaseAsync(queue, 1, 30, cancellationToken) is { } job)
                {
                    await worker.CompleteJobAsync(job.JobId, "done", "ok", cancellationToken);
                    if (Interlocked.Increment(ref completed) == jobs)
                    {
                        elapsed = clock.Elapsed;
                    }
                }
            }
        });
        await Task.WhenAll(sending.Concat(working));
        var rate = jobs / elapsed.TotalSeconds;
        workers.Concat(senders).ToList().ForEach(c => c.Dispose());
        return rate;
    }

    private static async Task<List<double>> RedeliveryAsync(DirectoryInfo root, HubProcess hub, CancellationToken cancellationToken)
    {
        const string queue = "redeliver";
        using var sender = BenchClient.New(root, hub, "redeliver-sender");
        using var lapsing = BenchClient.New(root, hub, "redeliver-lapsing");
        using var waiting = BenchClient.New(root, hub, "redeliver-waiting");
        await lapsing.ServeAsync(queue, cancellationToken);
        await waiting.ServeAsync(queue, cancellationToken);
        var delays = new List<double>();
        for (var i = 0; i < Redeliveries; i++)
        {
            await sender.EnqueueAsync(queue, $"job {i}", cancellationToken);
            var held = await lapsing.LeaseAsync(queue, 5, 1, cancellationToken)
                ?? throw new InvalidOperationException("The first worker got no job.");
            var job = await waiting.LeaseAsync(queue, 30, 30, cancellationToken)
                ?? throw new InvalidOperationException("The job was not redelivered within 30 s.");
            delays.Add((TimeProvider.System.GetUtcNow() - held.LeaseUntil!.Value).TotalMilliseconds);
            await waiting.CompleteJobAsync(job.JobId, "done", "ok", cancellationToken);
        }

        return delays;
    }
}
