using System.Diagnostics;
using Parler.Client;
using Parler.EndToEnd.Tests.Harness;
using Parler.Tests.Shared;

namespace Parler.EndToEnd.Tests;

/// <summary>The guide's 'parler connect' then 'parler connect --team', with the built binary, its hubs in the background.</summary>
[Trait("Category", "NoHub")]
public sealed class ConnectTeamTests : IAsyncLifetime
{
    private readonly GuideHome _home = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _home.DisposeAsync();

    [Fact]
    public async Task ConnectTeam_AfterConnect_ReplacesTheLocalHubAndHubStopStopsTheTeamOne()
    {
        var teamPort = FreePort.Pick();
        var solo = await _home.RunAsync("connect");
        solo.ExitCode.ShouldBe(0, solo.ToString());
        var soloPid = StartedPid(solo);

        var team = await _home.RunAsync("connect", "--team", "--addr", $"127.0.0.1:{teamPort}");

        team.ExitCode.ShouldBe(0, team.ToString());
        team.Error.ShouldContain($"hub: stopped the local hub (pid {soloPid}, listening on 127.0.0.1:{new Uri(_home.LocalHub).Port})");
        team.Error.ShouldContain($"team hub: https://127.0.0.1:{teamPort}#sha256=");
        ProcessGone(soloPid).ShouldBeTrue();
        (await LocalHub.AnswersAsync(new Uri(_home.LocalHub), CancellationToken.None)).ShouldBeFalse();
        var teamPid = StartedPid(team);

        // Back to 'connect' while the team hub holds the record: it says what runs and how to stop it.
        var back = await _home.RunAsync("connect");
        back.ExitCode.ShouldBe(1, back.ToString());
        back.Error.ShouldContain($"the hub (pid {teamPid}, listening on 127.0.0.1:{teamPort}) already serves this machine's record");
        back.Error.ShouldContain("'parler hub stop'");

        var stop = await _home.RunAsync("hub", "stop");
        stop.ExitCode.ShouldBe(0, stop.ToString());
        stop.Error.ShouldContain($"stopped the hub (pid {teamPid})");
        ProcessGone(teamPid).ShouldBeTrue();
    }

    [Fact]
    public async Task HubStop_DefaultRecordIdleButAnotherRuns_ListsWhatRunsAndStopsNothing()
    {
        var other = Path.Combine(_home.ParlerHome, "other", "hub.db");
        var port = FreePort.Pick();
        await using var hub = await HubProcess.StartAsync(Path.Combine(_home.Root, "other-home"), port, other);

        var stop = await _home.RunAsync("hub", "stop");

        stop.ExitCode.ShouldBe(5, stop.ToString());
        stop.Error.ShouldContain($"pid {hub.Process.Id}");
        stop.Error.ShouldContain($"parler hub stop --addr 127.0.0.1:{port}");
        hub.Process.HasExited.ShouldBeFalse();
    }

    private static int StartedPid(CliRun run)
    {
        var line = run.ErrorLines.Single(l => l.StartsWith("hub: started ", StringComparison.Ordinal));
        var from = line.IndexOf("(pid ", StringComparison.Ordinal) + 5;
        return int.Parse(line[from..line.IndexOf(';', from)], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool ProcessGone(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.WaitForExit(TimeSpan.FromSeconds(15));
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
