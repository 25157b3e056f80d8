using System.CommandLine;
using Parler.Cli.Output;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary><c>parler rooms</c>: your rooms with member and unread counts.</summary>
internal static class RoomsCommand
{
    public static Command Create(CliHost host, string summary)
    {
        var command = new Command("rooms", summary);
        command.Handle(host, async (context, cancellationToken) =>
        {
            var rooms = await context.Client().ListRoomsAsync(cancellationToken);
            if (context.Json)
            {
                await host.Out.WriteLineAsync(JsonOutput.Of(new RoomListResponse(rooms), ProtocolJsonContext.Default.RoomListResponse));
                return ExitCodes.Success;
            }

            if (rooms.Count == 0)
            {
                await host.Error.WriteLineAsync("no rooms yet: 'parler invite --group NAME' makes one, 'parler join CODE' joins one");
                return ExitCodes.Success;
            }

            await host.Out.WriteLineAsync($"{"ROOM",-24} {"ID",-24} {"KIND",-8} {"ROLE",-7} {"MEMBERS",7} {"UNREAD",6}");
            foreach (var room in rooms)
            {
                await host.Out.WriteLineAsync($"{room.Name,-24} {room.Id,-24} {room.Kind,-8} {room.Role,-7} {room.Members,7} {room.Unread,6}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
