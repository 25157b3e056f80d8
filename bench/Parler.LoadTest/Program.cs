using Parler.LoadTest;

switch (args)
{
    case [FloorServer.Argument, var address]:
        return await FloorServer.RunAsync(address);
    case ["--catchup", var count, ..]:
        var keep = args.AsSpan(2).IndexOf("--keep") is var k and >= 0 ? args[k + 3] : null;
        var catchUpDb = args.AsSpan(2).IndexOf("--db") is var cd and >= 0 ? args[cd + 3] : null;
        return await CatchUpBenchmark.RunAsync(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), keep, catchUpDb, CancellationToken.None);
    case ["--recall", var count, ..]:
        var recallDb = args.AsSpan(2).IndexOf("--db") is var rd and >= 0 ? args[rd + 3] : null;
        return await RecallBenchmark.RunAsync(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), recallDb, CancellationToken.None);
    case ["--idle", var watchers, ..]:
        var idleRuns = args.AsSpan(2).IndexOf("--runs") is var ir and >= 0 ? int.Parse(args[ir + 3], System.Globalization.CultureInfo.InvariantCulture) : 3;
        return await IdleWatchersBenchmark.RunAsync(int.Parse(watchers, System.Globalization.CultureInfo.InvariantCulture), idleRuns, CancellationToken.None);
    case ["--queue", ..]:
        return await QueueBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000, CancellationToken.None);
    case ["--blob", var megabytes, ..]:
        var blobRuns = args.AsSpan(2).IndexOf("--runs") is var r and >= 0 ? int.Parse(args[r + 3], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var blobDb = args.AsSpan(2).IndexOf("--db") is var d and >= 0 ? args[d + 3] : null;
        return await BlobBenchmark.RunAsync(int.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture), blobRuns, blobDb, CancellationToken.None);
}

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

// Each target is started fresh for every run; runs are interleaved so slow phases of the shared machine fall on all alike.
var targets = new List<Func<ILoadTarget>> { () => new HubTarget(options.Rooms) };
if (options.Baseline is { } baseline)
{
    targets.Add(() => new HubTarget(options.Rooms, executable: baseline));
}

if (options.Postgres is { } postgres)
{
    Parler.Tests.Shared.TestPostgres.ServerUrl = postgres;
    targets.Add(() => new HubTarget(options.Rooms, postgres));
    targets.Add(() => new HubTarget(options.Rooms, postgres, options.Hubs));
    if (options.Baseline is { } earlier)
    {
        targets.Add(() => new HubTarget(options.Rooms, postgres, executable: earlier));
        targets.Add(() => new HubTarget(options.Rooms, postgres, options.Hubs, executable: earlier));
    }
}

var floor = targets.Count;
targets.Add(() => new FloorTarget());
if (!options.SkipRedis)
{
    targets.Add(() => new RedisTarget());
}

var runs = targets.Select(_ => new List<RunResult>()).ToList();
var pgbench = new List<double>();
try
{
    for (var run = 1; run <= options.Runs; run++)
    {
        for (var t = 0; t < targets.Count; t++)
        {
            runs[t].Add(await RunOnceAsync(targets[t](), run));
        }

        if (options.Postgres is not null && await PgBench.RunAsync(options.Senders, options.Seconds, options.Size, cancel.Token) is { } tps)
        {
            await Console.Error.WriteLineAsync($"run {run}/{options.Runs}: pgbench one-row insert: {tps:0} tps");
            pgbench.Add(tps);
        }
    }
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("cancelled");
    return 130;
}

Console.Write(ResultTable.Format(options, [.. runs], floor, options.SkipRedis ? null : runs.Count - 1, pgbench));
return 0;

async Task<RunResult> RunOnceAsync(ILoadTarget target, int run)
{
    await using (target)
    {
        await Console.Error.WriteLineAsync($"run {run}/{options.Runs}: {target.Name} ...");
        var result = await new LoadDriver(target, options).RunAsync(cancel.Token);
        await Console.Error.WriteLineAsync(
            $"run {run}/{options.Runs}: {target.Name}: {result.SendsPerSecond:0} sends/s, " +
            $"send p99 {result.Send.P99:0.00} ms, deliver p99 {result.Deliver.P99:0.00} ms");
        return result;
    }
}
