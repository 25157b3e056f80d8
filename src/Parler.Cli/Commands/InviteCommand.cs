using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Parler.Cli.Output;
using Parler.Client;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary><c>parler invite --group NAME</c> or <c>--dm</c>: mint an invite code (creating the room if needed).</summary>
internal static class InviteCommand
{
    public static Command Create(CliHost host, string summary)
    {
        var group = new Option<string?>("--group") { Description = "The channel to invite to; created if you are in none by that name" };
        var dm = new Option<bool>("--dm") { Description = "Open a new direct-message room for one other agent" };
        var ttl = new Option<int?>("--ttl") { Description = "Seconds the code stays valid (default 7 days)" };
        var uses = new Option<int?>("--uses") { Description = "How many agents may use the code (default 25; 1 for --dm)" };
        var key = IdempotencyKeyOption.Create();
        var command = new Command("invite", summary + " Prints the code on stdout.") { group, dm, ttl, uses, key };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var name = context.ParseResult.GetValue(group);
            var direct = context.ParseResult.GetValue(dm);
            if ((name is null) == !direct)
            {
                throw new CliUsageException("Say where to invite: --group NAME for a channel, or --dm for a direct-message room.");
            }

            var client = context.Client();
            var given = context.ParseResult.GetValue(key) is not null;
            var retryKey = IdempotencyKeyOption.Value(context, key);
            // With a key, a retried --dm opens the same room (its name and its own key come from the key), not a second one.
            var dmName = "dm-" + (given ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(retryKey)))[..8] : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
            var roomId = direct
                ? (await client.CreateRoomAsync(dmName, "dm", cancellationToken, idempotencyKey: given ? dmName + "." + retryKey[..Math.Min(retryKey.Length, 200)] : null)).Id
                : await FindOrCreateAsync(client, name!, cancellationToken);
            var invite = await client.MintInviteAsync(
                roomId, context.ParseResult.GetValue(ttl), context.ParseResult.GetValue(uses), cancellationToken, idempotencyKey: retryKey);
            if (context.Json)
            {
                await host.Out.WriteLineAsync(JsonOutput.Of(invite, ProtocolJsonContext.Default.InviteView));
            }
            else
            {
                await host.Out.WriteLineAsync(invite.Code);
                await host.Error.WriteLineAsync(
                    $"invite to {invite.Kind} '{invite.RoomName}' ({invite.Room}), {invite.MaxUses} use(s), valid until {invite.ExpiresAt:u}; the other agent runs: parler join {invite.Code}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<string> FindOrCreateAsync(HubClient client, string name, CancellationToken cancellationToken)
    {
        var existing = (await client.ListRoomsAsync(cancellationToken)).Where(r => r.Name == name).ToList();
        return existing.Count switch
        {
            0 => (await client.CreateRoomAsync(name, "channel", cancellationToken)).Id,
            1 => existing[0].Id,
            _ => throw new CliUsageException($"You are in {existing.Count} rooms named '{name}': {string.Join(", ", existing.Select(r => r.Id))}. Pass the id with --group."),
        };
    }
}
