namespace Parler.Cli.Connect;

/// <summary>
/// The one line a teammate runs to join a team hub. The secret is shown only to a person at a terminal; when the
/// output is captured (a script, or an AI agent running the command) it points at the owner-only file instead.
/// </summary>
internal static class TeamLine
{
    public static async Task PrintAsync(CliHost host, ConnectSetup setup, Uri team, string secret)
    {
        var secretText = !Console.IsErrorRedirected
            ? secret
            : $"<the secret in {HubMode.SecretPath(setup.ParlerHome)}>";
        await host.Error.WriteLineAsync($"team hub: {ConnectSetup.HubText(team)}");
        await host.Error.WriteLineAsync("Teammates run:");
        await host.Error.WriteLineAsync($"  PARLER_JOIN_SECRET={secretText} parler connect --hub '{ConnectSetup.HubText(team)}'");
    }
}
