using Parler.Cli.Connect;

namespace Parler.Cli.Tests.Connect;

public sealed class VerifyTests : IClassFixture<CliHarness>, IDisposable
{
    private readonly CliHarness _hub;
    private readonly SampleHome _home = new(everyHost: false);

    public VerifyTests(CliHarness hub) => _hub = hub;

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Verify_AgentsStartedFromTheirConfigs_AreEachShownAsTheySignIn()
    {
        var output = new StringWriter();
        var error = new SignalWriter(ConnectVerifier.WaitingLine);
        var environment = _home.Environment(_hub.HubUrl);
        var host = new CliHost(output, error, name => environment.GetValueOrDefault(name), TimeProvider.System);
        var verify = ParlerCli.Build(host).Parse(["connect", "--verify", "--timeout", "90"]).InvokeAsync();
        await error.Seen.WaitAsync(TimeSpan.FromSeconds(60));

        var wired = new[] { "claude-code", "codex", "cursor", "zed" }.Select(_home.Host).ToList();
        var agents = wired.Select(h => HostedMcp.Start(ConfigFile.ReadEntry(h)!, _home.Root)).ToList();
        try
        {
            var answers = await Task.WhenAll(agents.Select(a => a.WhoAmIAsync()));
            foreach (var answer in answers)
            {
                answer["result"]!["isError"]?.GetValue<bool>().ShouldNotBe(true, answer.ToJsonString());
            }

            (await verify.WaitAsync(TimeSpan.FromSeconds(90))).ShouldBe(0, error.ToString());
        }
        finally
        {
            agents.ForEach(a => a.Dispose());
        }

        foreach (var wiredHost in wired)
        {
            output.ToString().ShouldContain($"✓ {wiredHost.DisplayName} dialled in as ");
        }
    }

    [Fact]
    public async Task Verify_NoAgentStarts_TimesOutNamingEachOne()
    {
        var result = await CliHarness.RunWithAsync(_home.Environment(_hub.HubUrl), "connect", "--verify", "--timeout", "1");

        result.ExitCode.ShouldBe(ExitCodes.Failure);
        result.Error.ShouldContain("✗ Codex did not sign in within 1s");
        result.Error.ShouldContain("✗ Zed did not sign in within 1s");
    }
}
