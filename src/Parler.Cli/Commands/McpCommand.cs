using System.CommandLine;
using Parler.Mcp;

namespace Parler.Cli.Commands;

/// <summary><c>parler mcp</c>: this agent's Parler tools for an AI client, over MCP on stdio.</summary>
internal static class McpCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command(
            "mcp",
            "Serve this agent's Parler tools over MCP on stdio (stdout carries only JSON-RPC; logs go to stderr). With PARLER_SESSION_KEY set, knock on that session at start");
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var explicitHub = cli.ParseResult.GetValue(GlobalOptions.Hub) ?? host.Environment("PARLER_HUB");
            var settings = new McpSettings(
                cli.Home,
                cli.HubUrl,
                cli.ParseResult.GetValue(GlobalOptions.Name) ?? host.Environment("PARLER_NAME"),
                NullIfEmpty(host.Environment("PARLER_SESSION_KEY")),
                explicitHub is null ? null : cli.HubUrl.ToString().TrimEnd('/'),
                ConnectCommand.Executable(host));
            await ParlerMcpServer.RunAsync(settings, host.Time, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
