using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>
/// `parler serve` and `parler work` keep running through a hub restart (the real hub process killed, then started on the
/// same record): work sent after the restart reaches them, and what they handled before is not handled again.
/// </summary>
public sealed class HubRestartWorkerTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Serve_HubKilledAndRestarted_KeepsServingAndLeasesEachJobOnce()
    {
        var sender = fixture.Agent("rs-sender");
        var worker = fixture.Agent("rs-worker");
        await using var serving = worker.Start("serve", "restart-q", "--lease", "600");
        await serving.WaitUntilAsync(() => serving.Errors.Any(l => l.StartsWith("serving restart-q", StringComparison.Ordinal)), Deadline, "serving");
        var before = (await sender.RunOkAsync("send", "--service", "restart-q", "before the restart")).Out.Trim();
        await serving.WaitForOutputAsync(l => l.StartsWith(before, StringComparison.Ordinal), Deadline, "the job sent before the restart");
        await worker.RunOkAsync("ack", before, "--done", "first");

        await fixture.Hub.KillAsync();
        await fixture.RestartHubAsync();
        var after = (await sender.RunOkAsync("send", "--service", "restart-q", "after the restart")).Out.Trim();

        await serving.WaitForOutputAsync(l => l.StartsWith(after, StringComparison.Ordinal), Deadline, "the job sent after the restart\n" + serving.Transcript());
        serving.HasExited.ShouldBeFalse(serving.Transcript());
        serving.Output.Count(l => l.StartsWith(before, StringComparison.Ordinal)).ShouldBe(1, serving.Transcript());
        serving.Output.Count(l => l.StartsWith(after, StringComparison.Ordinal)).ShouldBe(1, serving.Transcript());
        await worker.RunOkAsync("ack", after, "--done", "second");
        (await sender.RunOkAsync("job", after)).Out.ShouldContain($"{after} done (attempts 1)");
    }

    [Fact]
    public async Task Work_HubKilledAndRestarted_KeepsWorkingAndRunsEachTaskOnce()
    {
        var team = await fixture.TeamAsync("restart-work");
        var runs = fixture.ScratchPath("hub-restart-runs.txt");
        var runner = $"echo \"$PARLER_TASK_ID\" >> '{runs}'; echo finished";
        await using var working = team.Bob.Start("work", "--room", "restart-work", "--runner", runner);
        var first = await LiveAgents.HandoffAsync(team.Alice, "restart-work", "bob", "s1", "task one");
        await working.WaitForOutputAsync(l => l == $"{first} done (exit 0)", Deadline, "the first task");

        await fixture.Hub.KillAsync();
        await fixture.RestartHubAsync();
        var second = await LiveAgents.HandoffAsync(team.Alice, "restart-work", "bob", "s2", "task two");

        await working.WaitForOutputAsync(l => l == $"{second} done (exit 0)", Deadline, "the task handed off after the restart\n" + working.Transcript());
        working.HasExited.ShouldBeFalse(working.Transcript());
        (await File.ReadAllLinesAsync(runs)).ShouldBe([first, second]);
    }
}
