using System.CommandLine;
using Parler.Cli.Output;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler service allow|deny QUEUE AGENT</c>: the owner of a queue (the agent that served it first) decides who else
/// serves it; AGENT is an agent id, or * for anyone.
/// </summary>
internal static class ServiceAccessCommand
{
    public static Command Create(CliHost host, string summary) => new("service", "Decide who may serve a queue you own: " + summary)
    {
        Decide(host, "allow", "Let an agent (its id, or * for anyone) serve a queue you own", allow: true),
        Decide(host, "deny", "Take back an agent's (or *'s) leave to serve a queue you own; it stops serving at once", allow: false),
    };

    private static Command Decide(CliHost host, string verb, string summary, bool allow)
    {
        var queue = new Argument<string>("queue") { Description = "The queue, like review" };
        var agent = new Argument<string>("agent") { Description = "The agent's id (pa...), or * for anyone" };
        var command = new Command(verb, summary) { queue, agent };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var view = await cli.Client().SetQueueAccessAsync(cli.ParseResult.GetValue(queue)!, cli.ParseResult.GetValue(agent)!, allow, cancellationToken);
            await host.Out.WriteLineAsync(cli.Json
                ? JsonOutput.Of(view, ProtocolJsonContext.Default.QueueAccessView)
                : $"{view.Queue}: owner {view.Owner}; also served by {(view.Allowed.Count == 0 ? "nobody else" : string.Join(", ", view.Allowed))}");
            return ExitCodes.Success;
        });
        return command;
    }
}
