namespace Parler.Cli.Tests;

/// <summary>
/// `--idempotency-key` on the write verbs a script retries: the same command run again with the same key lands once and
/// prints the first result; without a key, a second run is a second write.
/// </summary>
public sealed class RetryKeyTests(CliHarness harness) : IClassFixture<CliHarness>
{
    [Fact]
    public async Task Remember_RetriedWithTheSameKey_LandsOnce()
    {
        var first = await harness.RunAsync("rita", "remember", "--idempotency-key", "note-1", "the deploy key rotates on Fridays");
        var again = await harness.RunAsync("rita", "remember", "--idempotency-key", "note-1", "the deploy key rotates on Fridays");
        var unkeyed = await harness.RunAsync("rita", "remember", "the deploy key rotates on Fridays");

        first.ExitCode.ShouldBe(0, first.Error);
        again.Out.ShouldBe(first.Out);
        unkeyed.Out.ShouldNotBe(first.Out);
        (await harness.RunAsync("rita", "recall", "deploy")).Lines.Length.ShouldBe(2);
    }

    [Fact]
    public async Task Invite_RetriedWithTheSameKey_PrintsTheSameCodeAndOpensOneDmRoom()
    {
        var group = await harness.RunAsync("ivan", "invite", "--group", "keyed", "--idempotency-key", "inv-1");
        var groupAgain = await harness.RunAsync("ivan", "invite", "--group", "keyed", "--idempotency-key", "inv-1");
        var dm = await harness.RunAsync("ivan", "invite", "--dm", "--idempotency-key", "dm-1");
        var dmAgain = await harness.RunAsync("ivan", "invite", "--dm", "--idempotency-key", "dm-1");

        group.ExitCode.ShouldBe(0, group.Error);
        groupAgain.Out.ShouldBe(group.Out);
        dm.ExitCode.ShouldBe(0, dm.Error);
        dmAgain.Out.ShouldBe(dm.Out);
        dm.Out.ShouldNotBe(group.Out);
        (await harness.RunAsync("ivan", "rooms")).Lines.Count(l => l.Contains("dm-", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task SendFile_RetriedWithTheSameKey_SharesOnce()
    {
        (await harness.RunAsync("fay", "invite", "--group", "files")).ExitCode.ShouldBe(0);
        var file = Path.Combine(harness.Home("fay"), "notes.txt");
        Directory.CreateDirectory(harness.Home("fay"));
        await File.WriteAllTextAsync(file, "release notes");

        var first = await harness.RunAsync("fay", "send-file", "--room", "files", "--idempotency-key", "file-1", file);
        var again = await harness.RunAsync("fay", "send-file", "--room", "files", "--idempotency-key", "file-1", file);

        first.ExitCode.ShouldBe(0, first.Error);
        again.ExitCode.ShouldBe(0, again.Error);
        again.Out.ShouldBe(first.Out);
        (await harness.RunAsync("fay", "recv", "--room", "files", "--since", "0")).Lines.Count(l => l.Contains("notes.txt", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Ack_RetriedWithTheSameKey_AnswersTheFirstResultWhereAnUnkeyedRepeatIsRefused()
    {
        (await harness.RunAsync("ada", "serve", "keyed-acks", "--once")).ExitCode.ShouldBe(0);
        var jobId = (await harness.RunAsync("ben", "send", "--service", "keyed-acks", "build it")).Out.Trim();
        (await harness.RunAsync("ada", "recv", "--service", "keyed-acks")).ExitCode.ShouldBe(0);

        var first = await harness.RunAsync("ada", "ack", jobId, "--done", "built", "--idempotency-key", "ack-1");
        var again = await harness.RunAsync("ada", "ack", jobId, "--done", "built", "--idempotency-key", "ack-1");
        var unkeyed = await harness.RunAsync("ada", "ack", jobId, "--done", "built");

        first.ExitCode.ShouldBe(0, first.Error);
        again.ExitCode.ShouldBe(0, again.Error);
        again.Out.ShouldBe(first.Out);
        unkeyed.ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task Task_RetriedWithTheSameKey_PostsOneStatus()
    {
        var code = (await harness.RunAsync("tom", "invite", "--group", "keyed-tasks")).Out.Trim();
        (await harness.RunAsync("tia", "join", code)).ExitCode.ShouldBe(0);
        var handed = await harness.RunAsync("tom", "handoff", "--room", "keyed-tasks", "--for", "tia", "--summary", "s", "--next", "n");
        var handoff = System.Text.RegularExpressions.Regex.Match(handed.Out, "ho_[A-Za-z0-9_-]+").Value;
        handoff.ShouldNotBeEmpty(handed.ToString());

        var first = await harness.RunAsync("tia", "task", "--room", "keyed-tasks", handoff, "--status", "working", "--idempotency-key", "task-1");
        var again = await harness.RunAsync("tia", "task", "--room", "keyed-tasks", handoff, "--status", "working", "--idempotency-key", "task-1");
        var unkeyed = await harness.RunAsync("tia", "task", "--room", "keyed-tasks", handoff, "--status", "working");

        first.ExitCode.ShouldBe(0, first.Error);
        again.Out.ShouldBe(first.Out);
        unkeyed.Out.ShouldNotBe(first.Out);
    }
}
