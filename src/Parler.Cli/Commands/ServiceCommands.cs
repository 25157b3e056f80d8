using System.CommandLine;
using Parler.Cli.Output;
using Parler.Client;
using Parler.Core.Identity;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary>
/// Service queues: <c>parler serve NAME</c> becomes a worker and prints each job it leases; <c>parler ack JOB</c>
/// completes one; <c>parler job JOB</c> shows a job's status and result.
/// </summary>
internal static class ServiceCommands
{
    public static Command CreateServe(CliHost host, string summary)
    {
        var name = new Argument<string>("queue") { Description = "The queue to serve, like review" };
        var once = new Option<bool>("--once") { Description = "Lease at most one job (waiting up to --wait seconds), then exit" };
        var wait = new Option<int?>("--wait") { Description = "With --once: seconds to wait for a job (max 60)" };
        var lease = new Option<int?>("--lease") { Description = "Seconds each lease lasts before the job is redelivered (default 30)" };
        var command = new Command("serve", summary) { name, once, wait, lease };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var queue = cli.ParseResult.GetValue(name)!;
            await cli.Client().ServeAsync(queue, cancellationToken);
            await host.Error.WriteLineAsync($"serving {queue}: each job prints here; finish it with 'parler ack JOB_ID --done RESULT'.");
            return await ServiceFeed.RunAsync(
                cli, queue, watch: !cli.ParseResult.GetValue(once), cli.ParseResult.GetValue(wait), cli.ParseResult.GetValue(lease), cancellationToken);
        });
        return command;
    }

    public static Command CreateAck(CliHost host, string summary)
    {
        var job = new Argument<string>("job") { Description = "The job's id (jb_...), or its first 8+ characters" };
        var done = new Option<string?>("--done") { Description = "The job is done: its result" };
        var failed = new Option<string?>("--failed") { Description = "The job failed: why" };
        var key = IdempotencyKeyOption.Create();
        var command = new Command("ack", summary) { job, done, failed, key };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var (doneText, failedText) = (cli.ParseResult.GetValue(done), cli.ParseResult.GetValue(failed));
            if ((doneText is null) == (failedText is null))
            {
                throw new CliUsageException("Give exactly one of --done RESULT or --failed REASON.");
            }

            var result = await cli.Client().CompleteJobAsync(
                cli.ParseResult.GetValue(job)!, doneText is null ? "failed" : "done", doneText ?? failedText, cancellationToken,
                IdempotencyKeyOption.Value(cli, key));
            await PrintAsync(cli, result);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateJob(CliHost host, string summary)
    {
        var job = new Argument<string>("job") { Description = "The job's id (jb_...), or its first 8+ characters" };
        var command = new Command("job", summary) { job };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            await PrintAsync(cli, await cli.Client().GetJobAsync(cli.ParseResult.GetValue(job)!, cancellationToken));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Task PrintAsync(CliContext cli, JobView job) =>
        cli.Host.Out.WriteLineAsync(cli.Json ? JsonOutput.Of(job, ProtocolJsonContext.Default.JobView) : Line(job));

    public static string Line(JobView job)
    {
        var result = job.Result is null ? "" : $" result: {PeerText.Visible(job.Result)}";
        return $"{job.JobId} {job.Status} (attempts {job.Attempts}) from {AgentId.Short(job.Sender)}: {PeerText.Visible(job.Text)}{result}";
    }
}
