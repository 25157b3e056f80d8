using System.CommandLine;

namespace Parler.Cli.Commands;

/// <summary><c>parler leave --room R</c>.</summary>
internal static class LeaveCommand
{
    public static Command Create(CliHost host, string summary)
    {
        var room = new Option<string>("--room") { Description = "Room name or id", Required = true };
        var command = new Command("leave", summary) { room };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var left = await context.Client().LeaveAsync(context.ParseResult.GetValue(room)!, cancellationToken);
            await host.Out.WriteLineAsync($"left {left.Room}");
            return ExitCodes.Success;
        });
        return command;
    }
}
