using System.CommandLine;
using Parler.Cli.Connect;

namespace Parler.Cli.Commands;

/// <summary><c>parler connect</c>: wire every AI client on this machine to a hub through <c>parler mcp</c>.</summary>
internal static class ConnectCommand
{
    public static Command Create(CliHost host)
    {
        var local = new Option<bool>("--local") { Description = "Agents meet on a hub on this machine, bound to loopback (the default)" };
        var team = new Option<bool>("--team") { Description = "Run a hub reachable on the LAN (TLS, join secret) and print the line teammates run" };
        var address = new Option<string>("--addr")
        {
            Description = "With --team: host:port the team hub listens on",
            DefaultValueFactory = _ => HubMode.DefaultTeamAddress,
        };
        var list = new Option<bool>("--list") { Description = "Show what is detected and what is already connected, with config paths" };
        var print = new Option<bool>("--print") { Description = "Print the config snippet for each host and change nothing" };
        var remove = new Option<bool>("--remove") { Description = "Take Parler's entries out again (restoring a file exactly when ours was the only change)" };
        var verify = new Option<bool>("--verify") { Description = "Wire, then wait and show each agent as its MCP server signs in to the hub" };
        var timeout = new Option<int>("--timeout")
        {
            Description = "With --verify: seconds to wait for the agents",
            DefaultValueFactory = _ => 120,
        };
        var command = new Command("connect", "Detect every AI client on this machine and wire it to a hub through 'parler mcp', merging into its existing config")
        {
            local, team, address, list, print, remove, verify, timeout,
        };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var result = context.ParseResult;
            var setup = new ConnectSetup(host, HostDirectories.Current);
            if (result.GetValue(list))
            {
                return await ConnectListing.ListAsync(context, setup);
            }

            if (result.GetValue(print))
            {
                return await ConnectListing.PrintAsync(context, setup, HubMode.Local(context));
            }

            if (result.GetValue(remove))
            {
                return await ConnectWiring.RemoveAsync(context, setup, cancellationToken);
            }

            if (result.GetValue(team) && result.GetValue(local))
            {
                throw new CliUsageException("Choose one of --local and --team.");
            }

            var wired = await ConnectWiring.WireAsync(
                context, setup, result.GetValue(team) ? result.GetValue(address)! : null, result.GetValue(local), cancellationToken);
            if (!result.GetValue(verify) || wired.Agents.Count == 0)
            {
                return wired.Exit;
            }

            // Agents that were wired are verified even when another host's file could not be changed.
            var verified = await ConnectVerifier.WaitAsync(context, wired, TimeSpan.FromSeconds(result.GetValue(timeout)), cancellationToken);
            return wired.Exit != ExitCodes.Success ? wired.Exit : verified;
        });
        return command;
    }

    public static string Executable(CliHost host) => ConnectCommandExecutable.Resolve(host);
}
