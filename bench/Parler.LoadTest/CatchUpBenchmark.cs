using System.Diagnostics;

namespace Parler.LoadTest;

/// <summary>
/// The session headline, timed: a host's room holds N messages; a joiner knocks, the host approves, and the clock
/// runs from the approval until the joiner holds the whole room (paged to the end, as `session join` does).
/// </summary>
internal static class CatchUpBenchmark
{
    private const int Joiners = 3;
    private const int Writers = 8;

    public static async Task<int> RunAsync(int messages, CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("parler-catchup-");
        try
        {
            await using var hub = await HubProcess.StartAsync(root.FullName, cancellationToken);
            using var host = BenchClient.New(root, hub, "host");
            var (room, key) = await host.OpenSessionAsync("catchup", "the opening context", approval: true, 3600, 100, cancellationToken);
            var posted = 0;
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(async w =>
            {
                for (var i = w; i < messages; i += Writers)
                {
                    await host.PostMessageAsync(room.Id, Payload.Load(0, i, 0, 256), null, cancellationToken);
                    Interlocked.Increment(ref posted);
                }
            }));

            var timings = new List<double>();
            for (var j = 0; j < Joiners; j++)
            {
                using var joiner = BenchClient.New(root, hub, $"joiner-{j}");
                await joiner.RedeemInviteAsync(key.Code, cancellationToken);
                await host.DecideAsync(room.Id, joiner.Identity.Id, "approve", cancellationToken);
                var clock = Stopwatch.StartNew();
                await joiner.RedeemInviteAsync(key.Code, cancellationToken);
                long after = 0, facts = 0;
                while (true)
                {
                    var page = await joiner.ReadAsync(room.Id, after, null, 500, cancellationToken);
                    facts += page.Events.Count;
                    after = page.Cursor;
                    if (!page.More)
                    {
                        break;
                    }
                }

                await joiner.AckAsync(room.Id, after, cancellationToken);
                timings.Add(clock.Elapsed.TotalMilliseconds);
                await Console.Error.WriteLineAsync($"joiner {j}: {facts} facts in {clock.Elapsed.TotalMilliseconds:0} ms");
            }

            timings.Sort();
            Console.WriteLine($"catch-up: {posted} messages; approval to complete context, median of {Joiners}: {timings[Joiners / 2]:0} ms (min {timings[0]:0}, max {timings[^1]:0})");
            return 0;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
