using System.CommandLine;
using Parler.Cli.Output;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary><c>parler roster --room R</c>: who is in a room.</summary>
internal static class RosterCommand
{
    public static Command Create(CliHost host, string summary)
    {
        var room = new Option<string>("--room") { Description = "Room name or id", Required = true };
        var command = new Command("roster", summary) { room };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var roster = await context.Client().RosterAsync(context.ParseResult.GetValue(room)!, cancellationToken);
            if (context.Json)
            {
                await host.Out.WriteLineAsync(JsonOutput.Of(roster, ProtocolJsonContext.Default.RosterResponse));
                return ExitCodes.Success;
            }

            await host.Out.WriteLineAsync($"{"NAME",-24} {"ROLE",-7} AGENT");
            foreach (var member in roster.Members)
            {
                await host.Out.WriteLineAsync($"{Output.EventPrinter.Visible(member.Name),-24} {member.Role,-7} {member.AgentId}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
