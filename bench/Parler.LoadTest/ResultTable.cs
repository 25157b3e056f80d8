using System.Globalization;
using System.Text;

namespace Parler.LoadTest;

/// <summary>Medians over runs, per column, and the hub's ratios to the floor and to Redis, each measured in the same run.</summary>
internal static class ResultTable
{
    /// <summary>
    /// The table; <paramref name="floor"/> and <paramref name="baseline"/> are the indexes of the floor and Redis targets,
    /// <paramref name="pgbench"/> the ceiling's runs.
    /// </summary>
    public static string Format(
        LoadOptions options, IReadOnlyList<IReadOnlyList<RunResult>> targets, int? floor, int? baseline, IReadOnlyList<double> pgbench)
    {
        var medians = targets.Select(Median).ToList();
        var text = new StringBuilder();
        var loop = options.Rate is { } rate ? Invariant($"open loop, {rate} messages/s offered") : "closed loop";
        text.AppendLine(Invariant($"workload: {loop}, {options.Senders} senders, {options.Watchers} watcher(s), {options.Size} B, {options.Rooms} room(s), ") +
            Invariant($"{options.WarmUp.TotalSeconds:0} s warm-up + {options.Seconds} s, {options.Runs} run(s) (median)"));
        text.AppendLine(Invariant($"{"",-26}{"sends/s",10}{"send p50",10}{"p99",8}{"p99.9",8}{"deliver p50",13}{"p99",8}{"p99.9",8}{"server µs/send",16}"));
        foreach (var m in medians)
        {
            text.AppendLine(Invariant(
                $"{m.Target,-26}{m.SendsPerSecond,10:0}{Ms(m.Send.P50),10}{Ms(m.Send.P99),8}{Ms(m.Send.P999),8}") +
                Invariant($"{Ms(m.Deliver.P50),13}{Ms(m.Deliver.P99),8}{Ms(m.Deliver.P999),8}{m.ServerCpuMicrosPerSend,16:0}"));
        }

        if (floor is { } f)
        {
            foreach (var hub in medians.Where((m, i) => i != f && i != baseline))
            {
                var name = hub.Target == medians[0].Target ? "parler" : hub.Target;
                text.AppendLine(Invariant($"ratio {name}/floor: {hub.SendsPerSecond / medians[f].SendsPerSecond:0.00}"));
            }
        }

        if (pgbench.Count > 0)
        {
            var ceiling = pgbench.Order().ElementAt(pgbench.Count / 2);
            text.AppendLine(Invariant($"{"pgbench 1-row insert",-26}{ceiling,10:0}   (PostgreSQL's own ceiling, {options.Senders} clients; runs: {string.Join(", ", pgbench.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))})"));
            foreach (var m in medians.Where(m => m.Target.Contains("(pg", StringComparison.Ordinal)))
            {
                text.AppendLine(Invariant($"{m.Target + " / pgbench",-26}{Ratio(m.SendsPerSecond, ceiling),10}"));
            }
        }

        // Issue 16 part 5: each build's PostgreSQL targets against its own hub on SQLite, in the same run.
        foreach (var pg in medians.Where(m => m.Target.Contains("(pg", StringComparison.Ordinal)))
        {
            var sqlite = pg.Target[..pg.Target.IndexOf(" (", StringComparison.Ordinal)] + " (sqlite)";
            if (medians.FirstOrDefault(m => m.Target == sqlite) is { } onSqlite)
            {
                text.AppendLine(Invariant($"{pg.Target + " / sqlite",-26}{Ratio(pg.SendsPerSecond, onSqlite.SendsPerSecond),10}"));
            }
        }

        if (baseline is { } b)
        {
            var redis = medians[b];
            foreach (var hub in medians.Where((_, i) => i != b && i != floor))
            {
                text.AppendLine(
                    Invariant($"{hub.Target + " / redis",-26}{Ratio(hub.SendsPerSecond, redis.SendsPerSecond),10}") +
                    Invariant($"{Ratio(hub.Send.P50, redis.Send.P50),10}{Ratio(hub.Send.P99, redis.Send.P99),10}") +
                    Invariant($"{Ratio(hub.Deliver.P50, redis.Deliver.P50),13}{Ratio(hub.Deliver.P99, redis.Deliver.P99),13}"));
            }

        }

        var parler = medians[0];
        if (options.OpenLoop)
        {
            text.AppendLine(Invariant($"target: deliver p99 < 5 ms: {Ms(parler.Deliver.P99)} ms {Verdict(parler.Deliver.P99 < 5)}"));
        }
        else if (floor is { } fl)
        {
            var ratio = parler.SendsPerSecond / medians[fl].SendsPerSecond;
            text.AppendLine(Invariant($"target: ratio parler/floor >= 0.60: {ratio:0.00} {Verdict(ratio >= 0.6)}; ") +
                Invariant($"hub CPU per send <= 120 µs: {parler.ServerCpuMicrosPerSend:0} µs {Verdict(parler.ServerCpuMicrosPerSend <= 120)}"));
        }

        text.AppendLine();
        text.AppendLine(Invariant($"{"per run",-26}{"sends/s",10}{"send p95",10}{"deliv p95",10}{"server µs/send",16}{"client µs/send",16}{"sent/delivered/errors",24}{"late/abandoned",16}"));
        foreach (var run in targets.SelectMany(runs => runs))
        {
            text.AppendLine(
                Invariant($"{run.Target,-26}{run.SendsPerSecond,10:0}{Ms(run.Send.P95),10}{Ms(run.Deliver.P95),10}") +
                Invariant($"{run.ServerCpuMicrosPerSend,16:0}{run.ClientCpuMicrosPerSend,16:0}{$"{run.Sent}/{run.Delivered}/{run.Errors}",24}{$"{run.LateSends}/{run.AbandonedSends}",16}"));
        }

        text.AppendLine("(latencies in ms; CPU is process CPU time in the window divided by acknowledged sends; delivered counts every watcher;");
        text.AppendLine(" late: open-loop sends that started behind their schedule, timed from the schedule; abandoned: not sent because");
        text.AppendLine(" their sender was over 5 s behind, the offered rate being more than the server takes; 2 cores shared by all)");
        return text.ToString();
    }

    /// <summary>The median of each column independently, as the headline over noisy runs.</summary>
    public static RunResult Median(IReadOnlyList<RunResult> runs) => new(
        runs[0].Target,
        Median(runs, r => r.SendsPerSecond),
        new Percentiles(Median(runs, r => r.Send.P50), Median(runs, r => r.Send.P95), Median(runs, r => r.Send.P99), Median(runs, r => r.Send.P999)),
        new Percentiles(Median(runs, r => r.Deliver.P50), Median(runs, r => r.Deliver.P95), Median(runs, r => r.Deliver.P99), Median(runs, r => r.Deliver.P999)),
        (long)Median(runs, r => r.Sent),
        (long)Median(runs, r => r.Delivered),
        (long)Median(runs, r => r.Errors),
        Median(runs, r => r.ServerCpuMicrosPerSend),
        Median(runs, r => r.ClientCpuMicrosPerSend));

    private static double Median(IReadOnlyList<RunResult> runs, Func<RunResult, double> column)
    {
        var sorted = runs.Select(column).Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Verdict(bool met) => met ? "(met)" : "(not met)";

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Ratio(double hub, double redis) =>
        redis > 0 ? (hub / redis).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
