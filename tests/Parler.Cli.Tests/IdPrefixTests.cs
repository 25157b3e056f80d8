using System.Text.RegularExpressions;

namespace Parler.Cli.Tests;

public sealed partial class IdPrefixTests(CliHarness harness) : IClassFixture<CliHarness>
{
    [Fact]
    public async Task IdsAsPrinted_PrefixesOfHandoffBlobAndAgentIds_ReachTheOneTheyName()
    {
        var code = (await harness.RunAsync("pa-alice", "invite", "--group", "prefix-room")).Out.Trim();
        await harness.RunAsync("pa-bob", "join", code);
        var bobId = (await harness.RunAsync("pa-bob", "whoami", "--json")).Out.Split('"').First(p => p.StartsWith("pa", StringComparison.Ordinal) && p.Length == 60);
        var handed = await harness.RunAsync("pa-alice", "handoff", "--room", "prefix-room", "--for", bobId[..10], "--summary", "s", "--next", "n");
        var handoff = HandoffId().Match(handed.Out).Value;
        var file = Path.Combine(harness.Home("pa-alice"), "note.txt");
        await File.WriteAllTextAsync(file, "the note");
        var sent = await harness.RunAsync("pa-alice", "send-file", "--room", "prefix-room", file);
        var blob = sent.Lines.Single(l => l.StartsWith("blob ", StringComparison.Ordinal))["blob ".Length..];

        var task = await harness.RunAsync("pa-bob", "task", "--room", "prefix-room", handoff[..11], "--status", "accepted");
        var fetched = await harness.RunAsync("pa-bob", "fetch", blob[..10], "-o", Path.Combine(harness.Home("pa-bob"), "got.txt"));
        var dm = await harness.RunAsync("pa-alice", "send", "--to", bobId[..12], "by prefix");
        await harness.RunAsync("pa-bob", "register", "--describe", "reviews auth code");
        var cardByPrefix = await harness.RunAsync("pa-alice", "card", bobId[..10]);
        var cardByName = await harness.RunAsync("pa-alice", "card", "pa-bob");

        handed.Out.ShouldContain($"to pa-bob ({bobId[..12]})");
        task.Out.ShouldStartWith($"{handoff} is accepted (#", customMessage: task.ToString());
        fetched.ExitCode.ShouldBe(0, fetched.ToString());
        fetched.Out.ShouldContain($"fetched {blob}");
        (await File.ReadAllTextAsync(Path.Combine(harness.Home("pa-bob"), "got.txt"))).ShouldBe("the note");
        dm.ExitCode.ShouldBe(0, dm.ToString());
        (await harness.RunAsync("pa-bob", "recv")).Out.ShouldContain("says: by prefix");
        cardByPrefix.Out.ShouldContain($"id:          {bobId}", customMessage: cardByPrefix.ToString());
        cardByName.Out.ShouldContain($"id:          {bobId}", customMessage: cardByName.ToString());
    }

    [GeneratedRegex(@"ho_[A-Za-z0-9_-]+")]
    private static partial Regex HandoffId();
}
