using Parler.Cli.Commands;
using Parler.Client;
using Parler.Core.Identity;
using Parler.Core.Protocol;

namespace Parler.Cli.Work;

/// <summary>
/// <c>parler work --service Q</c>: leases the queue's jobs one at a time and runs the worker's command for each job whose
/// sender is allowed (<c>--allow-from</c> ids, or <c>--allow-any</c>); a job from anyone else is refused and reported, never run.
/// </summary>
internal sealed class QueueWorker(CliContext cli, HubClient client, WorkOptions options, IReadOnlyCollection<string>? allowed)
{
    private const int WaitSeconds = 25;

    public async Task<int> RunAsync(string queue, CancellationToken cancellationToken)
    {
        await client.ServeAsync(queue, cancellationToken);
        var journal = WorkJournal.Open(cli.Home, "q_" + queue);
        var lease = (int)Math.Min(3600, (options.Timeout ?? TimeSpan.FromMinutes(30)).TotalSeconds + 60);
        await cli.Host.Error.WriteLineAsync($"working on queue {queue}: each allowed job runs: {options.Runner}");
        var outage = new HubOutage(cli.Host);
        while (true)
        {
            JobView? job;
            try
            {
                job = await client.LeaseAsync(queue, WaitSeconds, lease, cancellationToken);
                outage.Reset();
            }
            catch (Exception ex) when (HubOutage.IsOutage(ex))
            {
                await outage.WaitAsync(ex, $"leasing from {queue} again", cancellationToken);
                continue;
            }

            if (job is null || journal.Finished(job.JobId))
            {
                continue;
            }

            var id = job.JobId;
            if (journal.Started(id))
            {
                await client.CompleteJobAsync(id, "failed", "the worker stopped while this job ran; it was not run again", cancellationToken);
                journal.MarkFinished(id);
                await cli.Host.Out.WriteLineAsync($"{id} interrupted earlier: reported failed, not run again");
            }
            else if (allowed is not null && !allowed.Any(a => job.Sender.StartsWith(a, StringComparison.Ordinal)))
            {
                await client.CompleteJobAsync(id, "failed", "refused: this worker does not take jobs from you; not run", cancellationToken);
                journal.MarkFinished(id);
                await cli.Host.Out.WriteLineAsync($"{id} from {AgentId.Short(job.Sender)} REFUSED: sender not in --allow-from; not run");
            }
            else
            {
                journal.MarkStarted(id);
                await cli.Host.Out.WriteLineAsync($"{id} from {AgentId.Short(job.Sender)}: running");
                await cli.Host.Out.FlushAsync(cancellationToken);
                var environment = new Dictionary<string, string>
                {
                    ["PARLER_TASK_ID"] = id,
                    ["PARLER_ROOM"] = "",
                    ["PARLER_QUEUE"] = queue,
                    ["PARLER_FROM"] = job.Sender,
                    ["PARLER_FROM_NAME"] = AgentId.Short(job.Sender),
                };
                var outcome = await TaskProcess.RunAsync(options.Runner, job.Text, environment, options.Timeout, cancellationToken);
                var (status, note) = WorkNote.Of(outcome, options.Timeout);
                await client.CompleteJobAsync(id, status, note, cancellationToken);
                journal.MarkFinished(id);
                await cli.Host.Out.WriteLineAsync($"{id} {status} (exit {outcome.ExitCode}{(outcome.TimedOut ? ", timed out" : "")})");
            }

            if (options.Once)
            {
                return ExitCodes.Success;
            }
        }
    }
}
