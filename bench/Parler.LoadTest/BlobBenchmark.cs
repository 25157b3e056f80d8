using System.Diagnostics;
using System.Globalization;
using Parler.Client;
using Parler.Core.Identity;

namespace Parler.LoadTest;

/// <summary>
/// A blob of N MB (10^6 bytes) through a real hub on loopback: upload from a generated stream, download (hash-checked)
/// to a file, as send-file and fetch do. Each run has a fresh hub; prints MB/s and the peak memory (VmHWM) of the
/// hub process and of this client process. With <c>--db</c> the hub's record is a fresh PostgreSQL database, which
/// then holds the blob too.
/// </summary>
internal static class BlobBenchmark
{
    public static async Task<int> RunAsync(int megabytes, int runs, string? postgres, CancellationToken cancellationToken)
    {
        Parler.Tests.Shared.TestPostgres.ServerUrl = postgres;
        var size = megabytes * 1_000_000L;
        var rows = new List<(double Up, double Down, long HubPeak, long ClientPeak)>();
        for (var run = 1; run <= runs; run++)
        {
            var root = Directory.CreateTempSubdirectory("parler-blob-");
            var database = postgres is null ? Path.Combine(root.FullName, "hub.db") : await Parler.Tests.Shared.TestPostgres.CreateDatabaseAsync();
            try
            {
                await using var hub = await HubProcess.StartAsync(database, Path.Combine(root.FullName, "hubhome"), cancellationToken);
                using var client = new HubClient(hub.Url, new AgentIdentity(AgentKey.Generate(), "bench"), new TokenCache(Path.Combine(root.FullName, "client")), TimeProvider.System);
                var room = await client.CreateRoomAsync("blobs", "channel", cancellationToken);

                var clock = Stopwatch.StartNew();
                await using var source = new GeneratedStream(size);
                var blob = await client.UploadBlobAsync(room.Id, source, cancellationToken);
                var up = clock.Elapsed.TotalSeconds;
                await client.PostFileAsync(room.Id, "bench.bin", "application/octet-stream", null, blob, cancellationToken);

                clock.Restart();
                var target = Path.Combine(root.FullName, "bench.bin");
                await client.DownloadBlobAsync(blob.Hash, _ => target, false, cancellationToken);
                var down = clock.Elapsed.TotalSeconds;
                var row = (size / 1e6 / up, size / 1e6 / down, ProcStatus.PeakBytes(hub.Process.Id), ProcStatus.PeakBytes(Environment.ProcessId));
                rows.Add(row);
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}/{runs}: upload {row.Item1:0} MB/s, download {row.Item2:0} MB/s, peak RSS hub {row.Item3 >> 20} MiB, client {row.Item4 >> 20} MiB"));
            }
            finally
            {
                root.Delete(recursive: true);
                if (postgres is not null)
                {
                    await Parler.Tests.Shared.TestPostgres.DropDatabaseAsync(database);
                }
            }
        }

        double Median(Func<(double Up, double Down, long HubPeak, long ClientPeak), double> pick) => rows.Select(pick).Order().ElementAt(rows.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"blob {megabytes} MB ({(postgres is null ? "file store" : "PostgreSQL")}), median of {runs} run(s): upload {Median(r => r.Up):0} MB/s, download {Median(r => r.Down):0} MB/s, " +
            $"peak RSS hub {(long)Median(r => r.HubPeak) >> 20} MiB, client {(long)Median(r => r.ClientPeak) >> 20} MiB"));
        return 0;
    }
}
