using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Parler.Client;
using Parler.Contract.Facts;
using Parler.Core.Identity;
using Parler.Hub.Storage;
using Parler.Hub.Storage.Sqlite;

namespace Parler.LoadTest;

/// <summary>
/// Recall latency over a large record: one room is made through a real hub, then N memory facts (all in that room, as
/// issue 16 measures it; words drawn from a skewed vocabulary) are appended through the store itself, the way the hub appends
/// them, and the restarted hub answers recall queries over HTTP; p50/p95 of the round trip. With <c>--db</c> the record
/// is a fresh PostgreSQL database on that server.
/// </summary>
internal static class RecallBenchmark
{
    private const int Rooms = 1;
    private const int Queries = 400;
    private const int Batch = 2_000;
    private const int Vocabulary = 5_000;

    public static async Task<int> RunAsync(int facts, string? postgres, CancellationToken cancellationToken)
    {
        Parler.Tests.Shared.TestPostgres.ServerUrl = postgres;
        var root = Directory.CreateTempSubdirectory("parler-recall-");
        var database = postgres is null ? Path.Combine(root.FullName, "hub.db") : await Parler.Tests.Shared.TestPostgres.CreateDatabaseAsync();
        var home = Path.Combine(root.FullName, "hubhome");
        try
        {
            var identity = new AgentIdentity(AgentKey.Generate(), "recaller");
            var tokens = new TokenCache(Path.Combine(root.FullName, "client"));
            var rooms = new List<string>();
            await using (var hub = await HubProcess.StartAsync(database, home, cancellationToken))
            {
                using var client = new HubClient(hub.Url, identity, tokens, TimeProvider.System);
                for (var r = 0; r < Rooms; r++)
                {
                    rooms.Add((await client.CreateRoomAsync($"recall-{r}", "channel", cancellationToken)).Id);
                }
            }

            var load = Stopwatch.StartNew();
            await LoadAsync(Store(database), identity.Id, rooms, facts, cancellationToken);
            await Console.Error.WriteLineAsync($"appended {facts:N0} memory facts over {Rooms} rooms in {load.Elapsed.TotalSeconds:0.0} s");

            await using var restarted = await HubProcess.StartAsync(database, home, cancellationToken);
            using var reader = new HubClient(restarted.Url, identity, tokens, TimeProvider.System);
            var random = new Random(7);
            var timings = new List<double>();
            long rows = 0;
            for (var q = -20; q < Queries; q++)
            {
                var query = string.Join(' ', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Word(random)));
                var clock = Stopwatch.StartNew();
                var found = await reader.RecallAsync(rooms[random.Next(Rooms)], query, 10, cancellationToken);
                if (q >= 0)
                {
                    timings.Add(clock.Elapsed.TotalMilliseconds);
                    rows += found.Memories.Count;
                }
            }

            timings.Sort();
            Console.WriteLine(
                $"recall over {facts:N0} facts ({Rooms} rooms, {(postgres is null ? "SQLite" : "PostgreSQL")}): p50 {timings[timings.Count / 2]:0.00} ms, " +
                $"p95 {timings[(int)(timings.Count * 0.95)]:0.00} ms, max {timings[^1]:0.00} ms; {Queries} queries of 1-3 words, " +
                $"{rows / (double)Queries:0.0} rows each (limit 10)");
            return 0;
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("PARLER_BENCH_KEEP") is not null)
            {
                await Console.Error.WriteLineAsync($"kept the record in {database}");
            }
            else
            {
                root.Delete(recursive: true);
                if (postgres is not null)
                {
                    await Parler.Tests.Shared.TestPostgres.DropDatabaseAsync(database);
                }
            }
        }
    }

    private static IHubStore Store(string database) => Hub.Storage.Postgres.PostgresUrl.IsPostgres(database)
        ? new Hub.Storage.Postgres.PostgresHubStore(
            Parler.Tests.Shared.TestPostgres.ConnectionString(database), TimeProvider.System, NullLogger<Hub.Storage.Postgres.PostgresHubStore>.Instance)
        : new SqliteHubStore(database, TimeProvider.System, NullLogger<SqliteHubStore>.Instance);

    private static async Task LoadAsync(IHubStore opened, string agentId, List<string> rooms, int facts, CancellationToken cancellationToken)
    {
        await using var store = opened;
        await store.InitializeAsync(cancellationToken);
        var random = new Random(42);
        for (var done = 0; done < facts; done += Batch)
        {
            var count = Math.Min(Batch, facts - done);
            var notes = Enumerable.Range(0, count).Select(_ => (rooms[random.Next(rooms.Count)], Sentence(random))).ToList();
            await store.WriteAsync(
                async (writer, ct) =>
                {
                    foreach (var (room, text) in notes)
                    {
                        await writer.AppendAsync(room, FactDraft.Of(new MemoryRemembered(text), agentId, agentId, "bench"), ct);
                    }

                    return 0;
                },
                cancellationToken);
        }
    }

    private static string Sentence(Random random)
    {
        var text = new StringBuilder();
        for (var w = 8 + random.Next(8); w > 0; w--)
        {
            text.Append(Word(random)).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>A word from a fixed vocabulary, skewed so a few words are common and most are rare (roughly Zipf).</summary>
    private static string Word(Random random)
    {
        var rank = (int)Math.Pow(Vocabulary, random.NextDouble());
        return "w" + rank.ToString(System.Globalization.CultureInfo.InvariantCulture) + (char)('a' + (rank % 26));
    }
}
