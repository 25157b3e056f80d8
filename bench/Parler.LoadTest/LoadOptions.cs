using System.Globalization;

namespace Parler.LoadTest;

/// <summary>
/// The workload: how many concurrent senders, for how long, how big each message is, how many runs. Closed loop by
/// default (each sender sends as soon as its last send is acknowledged); with <see cref="Rate"/>, open loop: the senders
/// together offer that many messages per second on a fixed schedule, whatever the server's pace.
/// </summary>
internal sealed record LoadOptions(
    int Senders, int Seconds, int WarmUpSeconds, int Runs, int Size, int Rooms, bool SkipRedis, string? Postgres = null, int Hubs = 2,
    int? Rate = null, int? WatcherCount = null, string? Baseline = null)
{
    public const string Usage =
        "usage: Parler.LoadTest [--senders 50] [--seconds 10] [--warmup 8] [--runs 3] [--size 256] [--rooms 1] [--skip-redis]\n" +
        "                       [--rate 1000 [--watchers 100]]   (open loop: a fixed offered rate, that many watchers)\n" +
        "                       [--baseline path/to/parler]   (also an earlier build of the hub, on SQLite and with --db on PostgreSQL, interleaved)\n" +
        "                       [--db postgres://user@host:5432/db [--hubs 2]]   (also on PostgreSQL: one hub, N hubs, pgbench)\n" +
        "       Parler.LoadTest --catchup 10000 [--keep DIR] [--db URL]   (time from a joiner's approval to holding the whole room; DIR keeps the filled record for the next run; URL: on a new PostgreSQL database there instead)\n" +
        "       Parler.LoadTest --recall 100000 [--db postgres://…]   (recall p50/p95 over N memory facts)\n" +
        "       Parler.LoadTest --idle 10000 [--runs 3]   (hub RSS with N idle SSE watchers, time for one message to reach all)\n" +
        "       Parler.LoadTest --queue 2000   (jobs/s with 4 workers, and redelivery latency)\n" +
        "       Parler.LoadTest --blob 500 [--runs 3] [--db postgres://…]   (upload and download MB/s of a 500 MB blob, and peak memory; blobs in PostgreSQL with --db)";

    public TimeSpan Window => TimeSpan.FromSeconds(Seconds);

    public bool OpenLoop => Rate is not null;

    /// <summary>Watchers following the room: one in a closed-loop run, 100 in an open-loop run, unless told.</summary>
    public int Watchers => WatcherCount ?? (OpenLoop ? 100 : 1);

    /// <summary>
    /// Each run starts a fresh hub process, whose JIT needs several seconds under this load to tier up: measured on
    /// 2 cores, a 2 s warm-up reads about half the steady rate, 8 s reads it.
    /// </summary>
    public TimeSpan WarmUp => TimeSpan.FromSeconds(WarmUpSeconds);

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions(Senders: 50, Seconds: 10, WarmUpSeconds: 8, Runs: 3, Size: 256, Rooms: 1, SkipRedis: false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--senders" => options with { Senders = Number(args, ++i, min: 1) },
                "--seconds" => options with { Seconds = Number(args, ++i, min: 1) },
                "--warmup" => options with { WarmUpSeconds = Number(args, ++i, min: 0) },
                "--runs" => options with { Runs = Number(args, ++i, min: 1) },
                "--size" => options with { Size = Number(args, ++i, min: Payload.MinSize) },
                "--rooms" => options with { Rooms = Number(args, ++i, min: 1) },
                "--skip-redis" => options with { SkipRedis = true },
                "--db" => options with { Postgres = Text(args, ++i) },
                "--hubs" => options with { Hubs = Number(args, ++i, min: 2) },
                "--rate" => options with { Rate = Number(args, ++i, min: 1) },
                "--watchers" => options with { WatcherCount = Number(args, ++i, min: 1) },
                "--baseline" => options with { Baseline = Executable(args, ++i) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        return options.Rooms > options.Senders
            ? throw new ArgumentException($"--rooms ({options.Rooms}) cannot exceed --senders ({options.Senders}).")
            : options;
    }

    private static string Text(string[] args, int index) =>
        index < args.Length && Hub.Storage.Postgres.PostgresUrl.IsPostgres(args[index])
            ? args[index]
            : throw new ArgumentException($"'{args[index - 1]}' needs a PostgreSQL URL (a role that may CREATE DATABASE).\n{Usage}");

    private static string Executable(string[] args, int index) =>
        index < args.Length && File.Exists(args[index])
            ? Path.GetFullPath(args[index])
            : throw new ArgumentException($"'{args[index - 1]}' needs the path of a built parler executable.\n{Usage}");

    private static int Number(string[] args, int index, int min)
    {
        if (index >= args.Length || !int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new ArgumentException($"'{args[index - 1]}' needs a whole number of at least {min}.\n{Usage}");
        }

        return value;
    }
}
