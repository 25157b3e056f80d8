using System.CommandLine;
using System.Text.Json.Nodes;
using Parler.Cli.Output;
using Parler.Client;

namespace Parler.Cli.Commands;

/// <summary><c>parler whoami</c>: this identity (created on first use) and the hub it talks to.</summary>
internal static class WhoAmICommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("whoami", "Show this agent's id and name (creating the identity on first use) and its hub");
        command.Handle(host, async (context, cancellationToken) =>
        {
            var identity = context.Identity();
            string hubState;
            DateTimeOffset? tokenExpiresAt = null;
            try
            {
                var client = context.Client();
                client.RetryWindow = TimeSpan.Zero;
                var me = await client.WhoAmIAsync(cancellationToken);
                hubState = $"connected as '{me.Name}', token {me.TokenId} ({me.Scope}) until {JsonOutput.Time(me.ExpiresAt)}";
                tokenExpiresAt = me.ExpiresAt;
            }
            catch (HubClientException ex) when (ex.Unreachable)
            {
                hubState = "unreachable: start one with 'parler hub'";
            }

            if (context.Json)
            {
                await host.Out.WriteLineAsync(JsonOutput.Of(new JsonObject
                {
                    ["agent_id"] = identity.Id,
                    ["name"] = identity.Name,
                    ["hub"] = context.HubUrl.ToString(),
                    ["home"] = context.Home,
                    ["hub_state"] = hubState,
                    ["token_expires_at"] = tokenExpiresAt is { } at ? JsonOutput.Time(at) : null,
                }));
            }
            else
            {
                await host.Out.WriteLineAsync($"agent: {identity.Id}\nname:  {identity.Name}\nhub:   {context.HubUrl} ({hubState})\nhome:  {context.Home}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
