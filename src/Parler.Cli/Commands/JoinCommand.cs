using System.CommandLine;
using Parler.Cli.Output;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary><c>parler join CODE</c>: redeem an invite.</summary>
internal static class JoinCommand
{
    public static Command Create(CliHost host, string summary)
    {
        var code = new Argument<string>("code") { Description = "The invite code, for example VBZHDHGR" };
        var command = new Command("join", summary) { code };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var result = await context.Client().RedeemInviteAsync(context.ParseResult.GetValue(code)!, cancellationToken);
            var pending = result.Status == "pending";
            if (pending)
            {
                PendingJoins.Add(context.Home, result.Room.Id, result.Room.Name);
            }
            else
            {
                PendingJoins.Remove(context.Home, result.Room.Id);
            }

            if (context.Json)
            {
                await host.Out.WriteLineAsync(JsonOutput.Of(result, ProtocolJsonContext.Default.RedeemInviteResponse));
            }
            else
            {
                var room = result.Room;
                var verb = result.Status == "already_member" ? "already in" : "joined";
                await host.Out.WriteLineAsync(pending
                    ? $"pending: asked to join {room.Kind} '{room.Name}' ({room.Id}); the host must approve you, and you can read nothing until then. Run this again to check."
                    : $"{verb} {room.Kind} '{room.Name}' ({room.Id}), {room.Members} member(s); read it with: parler recv --room {room.Name}");
            }

            return pending ? ExitCodes.Pending : ExitCodes.Success;
        });
        return command;
    }
}
