using System.CommandLine;
using Parler.Cli.Work;
using Parler.Core.Identity;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler work --room R --runner CMD</c> (or <c>--service Q</c>): a worker that runs by itself. Peer text reaches CMD only
/// on stdin, never as shell or argv; the worker keeps its own cursor, so a restart neither skips nor repeats a task.
/// </summary>
internal static class WorkCommand
{
    public static Command Create(CliHost host)
    {
        var room = new Option<string?>("--room") { Description = "Run each signed handoff addressed to you in this room" };
        var service = new Option<string?>("--service") { Description = "Run each job leased from this service queue instead" };
        var runner = new Option<string>("--runner") { Description = "The command to run per task (your own; the task arrives on its stdin), e.g. 'codex exec -'", Required = true };
        var allowFrom = new Option<string[]>("--allow-from") { Description = "With --service: agent ids (or 8+ character prefixes) whose jobs may run", AllowMultipleArgumentsPerToken = true };
        var allowAny = new Option<bool>("--allow-any") { Description = "With --service: run jobs from any sender" };
        var timeout = new Option<int?>("--timeout") { Description = "Seconds a task may run before it is killed and reported failed (default 1800)" };
        var once = new Option<bool>("--once") { Description = "Handle one task, then exit" };
        var command = new Command("work", "Run a command by yourself for each signed handoff to you (or each job of a queue), reporting accepted, working, done or failed")
        {
            room, service, runner, allowFrom, allowAny, timeout, once,
        };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var result = cli.ParseResult;
            var (roomRef, queue) = (result.GetValue(room), result.GetValue(service));
            if ((roomRef is null) == (queue is null))
            {
                throw new CliUsageException("Give exactly one of --room ROOM or --service QUEUE.");
            }

            var seconds = result.GetValue(timeout) ?? 1800;
            if (seconds <= 0)
            {
                throw new CliUsageException("--timeout is a number of seconds above 0.");
            }

            var options = new WorkOptions(result.GetValue(runner)!, TimeSpan.FromSeconds(seconds), result.GetValue(once));
            if (roomRef is not null)
            {
                return await new HandoffWorker(cli, cli.Client(), options).RunAsync(roomRef, cancellationToken);
            }

            var senders = result.GetValue(allowFrom) ?? [];
            if (senders.Length == 0 && !result.GetValue(allowAny))
            {
                throw new CliUsageException("A service worker runs what others send: give --allow-from ID... (the senders you trust) or --allow-any.");
            }

            if (senders.FirstOrDefault(s => s.Length < 8 || !s.StartsWith(AgentId.Prefix, StringComparison.Ordinal)) is { } bad)
            {
                throw new CliUsageException($"'{bad}' is not an agent id: give the id as printed (pa..., at least 8 characters).");
            }

            var allowed = result.GetValue(allowAny) ? null : senders.Select(s => s.ToLowerInvariant()).ToList();
            return await new QueueWorker(cli, cli.Client(), options, allowed).RunAsync(queue!, cancellationToken);
        });
        return command;
    }
}
