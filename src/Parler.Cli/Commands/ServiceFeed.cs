using Parler.Cli.Output;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary>A worker's feed: leases a queue's jobs one by one and prints each with its id.</summary>
internal static class ServiceFeed
{
    private const int WatchWaitSeconds = 30;

    public static async Task<int> RunAsync(
        CliContext cli, string queue, bool watch, int? wait, int? leaseSeconds, CancellationToken cancellationToken)
    {
        var client = cli.Client();
        var outage = new HubOutage(cli.Host);
        do
        {
            JobView? job;
            try
            {
                job = await client.LeaseAsync(queue, watch ? WatchWaitSeconds : wait, leaseSeconds, cancellationToken);
                outage.Reset();
            }
            catch (Exception ex) when (watch && HubOutage.IsOutage(ex))
            {
                await outage.WaitAsync(ex, $"leasing from {queue} again", cancellationToken);
                continue;
            }

            if (job is not null)
            {
                await ServiceCommands.PrintAsync(cli, job);
            }
            else if (!watch)
            {
                await cli.Host.Error.WriteLineAsync($"no job waiting on {queue}.");
            }
        }
        while (watch && !cancellationToken.IsCancellationRequested);

        return ExitCodes.Success;
    }

    /// <summary>Enqueues a job and prints its id (with --json, the whole job).</summary>
    public static async Task<int> EnqueueAsync(CliContext cli, string queue, string text, string idempotencyKey, CancellationToken cancellationToken)
    {
        var job = await cli.Client().EnqueueAsync(queue, text, cancellationToken, idempotencyKey);
        await cli.Host.Out.WriteLineAsync(cli.Json ? JsonOutput.Of(job, ProtocolJsonContext.Default.JobView) : job.JobId);
        return ExitCodes.Success;
    }
}
