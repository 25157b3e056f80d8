using Parler.Tests.Shared;

namespace Parler.Cli.Tests.Connect;

public sealed class DoctorTests : IClassFixture<CliHarness>, IDisposable
{
    private readonly CliHarness _hub;
    private readonly SampleHome _home = new(everyHost: false);

    public DoctorTests(CliHarness hub) => _hub = hub;

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Doctor_AfterConnect_PassesEveryCheck()
    {
        var environment = _home.Environment(_hub.HubUrl);
        await CliHarness.RunWithAsync(environment, "connect");
        await CliHarness.RunWithAsync(environment, "whoami");
        environment["PARLER_SESSION_KEY"] = "A3KELDJR";

        var result = await CliHarness.RunWithAsync(environment, "doctor");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldNotContain("FAIL");
        result.Out.ShouldContain("ok   PARLER_SESSION_KEY: well-formed (not redeemed)");
    }

    [Fact]
    public async Task Doctor_NothingSetUp_PrintsOneFixPerProblemAndFails()
    {
        var nobody = $"http://127.0.0.1:{FreePort.Pick()}";
        var environment = _home.Environment(nobody);
        environment["PARLER_SESSION_KEY"] = "not-a-key";

        var result = await CliHarness.RunWithAsync(environment, "doctor");

        result.ExitCode.ShouldBe(ExitCodes.Failure);
        var failures = result.Lines.Count(l => l.StartsWith("FAIL", StringComparison.Ordinal));
        failures.ShouldBe(1 + 4 + 1, result.Out);
        result.Lines.Count(l => l.StartsWith("fix:", StringComparison.Ordinal)).ShouldBe(failures);
        result.Out.ShouldContain($"FAIL hub: nothing answers at {nobody}");
        result.Out.ShouldContain("note identity: no CLI identity yet");
        result.Out.ShouldContain("how: run 'parler whoami' to create one for the CLI");
        result.Out.ShouldContain("FAIL Cursor: installed but not connected");
        result.Out.ShouldContain("FAIL PARLER_SESSION_KEY: not a session key");
    }
}
