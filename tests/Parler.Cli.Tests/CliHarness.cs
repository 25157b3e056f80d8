using Parler.Hub;

namespace Parler.Cli.Tests;

/// <summary>An in-process hub on a free loopback port and a way to run CLI commands against it as any identity.</summary>
public sealed class CliHarness : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-cli-").FullName;
    private HubHost? _hub;

    public string HubUrl => _hub!.Url.ToString().TrimEnd('/');

    public async Task InitializeAsync() =>
        _hub = await HubHost.StartAsync(
            new HubOptions { Address = "127.0.0.1:0", DatabasePath = Path.Combine(_folder, "hub.db") },
            TimeProvider.System,
            logging: null,
            CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    public string Home(string who) => Path.Combine(_folder, who);

    public Task<CliResult> RunAsync(string who, params string[] args) => RunAsync(who, atTerminal: false, args);

    /// <summary>Runs as if stderr were a person's terminal, where long work draws a progress line.</summary>
    public Task<CliResult> RunAtTerminalAsync(string who, params string[] args) => RunAsync(who, atTerminal: true, args);

    private async Task<CliResult> RunAsync(string who, bool atTerminal, string[] args)
    {
        var environment = new Dictionary<string, string?>
        {
            ["PARLER_HOME"] = Home(who),
            ["PARLER_HUB"] = HubUrl,
            ["PARLER_NAME"] = who,
            ["NO_COLOR"] = "1",
        };
        return await RunWithAsync(environment, atTerminal, args);
    }

    public static Task<CliResult> RunWithAsync(Dictionary<string, string?> environment, params string[] args) => RunWithAsync(environment, false, args);

    private static async Task<CliResult> RunWithAsync(Dictionary<string, string?> environment, bool atTerminal, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost(output, error, name => environment.GetValueOrDefault(name), TimeProvider.System) { ShowsProgress = atTerminal };
        var exit = await ParlerCli.InvokeAsync(host, args);
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}

public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
