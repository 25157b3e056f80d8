using System.Diagnostics;
using System.Globalization;
using Parler.Client;
using Parler.Core.Identity;

namespace Parler.LoadTest;

/// <summary>
/// The session headline, timed: a host's room holds N messages; a joiner knocks, the host approves, and the clock
/// runs from the approval until the joiner holds the whole room, read with <c>messages.history</c> (one answer, streamed).
/// For comparison in the same run, each joiner then reads the room again paged with <c>messages.read</c>, 500 facts a
/// page (as before that action). With a
/// folder to keep, the filled record is kept there and reused by the next run (so hubs can be compared on one record).
/// With a PostgreSQL server URL the record is a new database there, dropped after the run unless kept (its URL is then
/// kept in the folder).
/// </summary>
internal static class CatchUpBenchmark
{
    private const int Joiners = 3;
    private const int Writers = 8;

    public static async Task<int> RunAsync(int messages, string? keep, string? postgres, CancellationToken cancellationToken)
    {
        var root = keep is null ? Directory.CreateTempSubdirectory("parler-catchup-") : Directory.CreateDirectory(keep);
        Parler.Tests.Shared.TestPostgres.ServerUrl = postgres;
        var kept = Path.Combine(root.FullName, "database.txt");
        var database = postgres is null ? Path.Combine(root.FullName, "hub.db")
            : keep is not null && File.Exists(kept) ? File.ReadAllText(kept).Trim()
            : await Parler.Tests.Shared.TestPostgres.CreateDatabaseAsync();
        if (postgres is not null && keep is not null)
        {
            File.WriteAllText(kept, database);
        }

        try
        {
            await using var hub = await HubProcess.StartAsync(database, Path.Combine(root.FullName, "hubhome"), cancellationToken);
            var identity = IdentityFile.LoadOrCreate(Path.Combine(root.FullName, "host-home"), "host");
            using var host = new HubClient(hub.Url, identity, new TokenCache(Path.Combine(root.FullName, "clients", "host")), TimeProvider.System);
            var filled = Path.Combine(root.FullName, "room.txt");
            var (room, posted) = File.Exists(filled)
                ? (File.ReadAllText(filled).Trim(), messages)
                : (await FillAsync(host, messages, cancellationToken), messages);
            File.WriteAllText(filled, room);
            var key = await host.MintInviteAsync(room, 3600, Joiners, cancellationToken, approval: true);

            var timings = new List<double>();
            var paged = new List<double>();
            for (var j = 0; j < Joiners; j++)
            {
                using var joiner = BenchClient.New(root, hub, $"joiner-{Guid.NewGuid():N}");
                await joiner.RedeemInviteAsync(key.Code, cancellationToken);
                await host.DecideAsync(room, joiner.Identity.Id, "approve", cancellationToken);
                var clock = Stopwatch.StartNew();
                await joiner.RedeemInviteAsync(key.Code, cancellationToken);
                var admitted = clock.Elapsed.TotalMilliseconds;
                var history = await joiner.HistoryAsync(room, 0, cancellationToken);
                var read = clock.Elapsed.TotalMilliseconds;
                await joiner.AckAsync(room, history.Cursor, cancellationToken);
                timings.Add(clock.Elapsed.TotalMilliseconds);
                var again = Stopwatch.StartNew();
                var (facts, _) = await PageAsync(joiner, room, cancellationToken);
                paged.Add(again.Elapsed.TotalMilliseconds);
                await Console.Error.WriteLineAsync(
                    $"joiner {j}: {history.Events.Count} facts in {timings[^1]:0} ms (admitted {admitted:0}, history {read - admitted:0}, ack {timings[^1] - read:0}); paged again, {facts} facts in {paged[^1]:0} ms");
            }

            timings.Sort();
            paged.Sort();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"catch-up ({(postgres is null ? "sqlite" : "postgres")}): {posted} messages; approval to complete context, median of {Joiners}: {timings[Joiners / 2]:0} ms (min {timings[0]:0}, max {timings[^1]:0}); paged with messages.read, median {paged[Joiners / 2]:0} ms"));
            return 0;
        }
        finally
        {
            if (keep is null)
            {
                root.Delete(recursive: true);
            }

            if (postgres is not null && keep is null)
            {
                await Parler.Tests.Shared.TestPostgres.DropDatabaseAsync(database);
            }
        }
    }

    private static async Task<string> FillAsync(HubClient host, int messages, CancellationToken cancellationToken)
    {
        var (room, _) = await host.OpenSessionAsync("catchup", "the opening context", approval: true, 3600, 100, cancellationToken);
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async w =>
        {
            for (var i = w; i < messages; i += Writers)
            {
                await host.PostMessageAsync(room.Id, Payload.Load(0, i, 0, 256), null, cancellationToken);
            }
        }));
        return room.Id;
    }

    /// <summary>The whole room from its start, 500 facts a page, as <c>session join</c> pages.</summary>
    private static async Task<(long Facts, long After)> PageAsync(HubClient joiner, string room, CancellationToken cancellationToken)
    {
        long after = 0, facts = 0;
        while (true)
        {
            var page = await joiner.ReadAsync(room, after, null, 500, cancellationToken);
            facts += page.Events.Count;
            after = page.Cursor;
            if (!page.More)
            {
                return (facts, after);
            }
        }
    }
}
