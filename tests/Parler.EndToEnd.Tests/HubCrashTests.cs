using System.Globalization;
using System.Text.RegularExpressions;
using Parler.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace Parler.EndToEnd.Tests;

/// <summary>kill -9 of the hub in the middle of a conversation: nothing acknowledged is lost, nothing lands twice.</summary>
public sealed partial class HubCrashTests(HubFixture fixture, ITestOutputHelper output) : IClassFixture<HubFixture>
{
    private const int Messages = 20;
    private const int KillAfter = 5;

    [Fact]
    public async Task Hub_KilledWhileSendingAndWatching_WatcherResumesWithEveryMessageOnceInOrder()
    {
        var team = await fixture.TeamAsync();
        var expected = Enumerable.Range(1, Messages).Select(i => $"msg-{i:00}").ToList();
        await using var watcher = team.Bob.Start("recv", "--room", "team", "--watch");
        await watcher.WaitForOutputAsync(l => l.EndsWith("* you joined as member", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the backlog");

        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sender = Task.Run(() => SendAllAsync(team.Alice, expected, restarted.Task));

        await watcher.WaitForOutputAsync(l => l.EndsWith($" says: msg-{KillAfter:00}", StringComparison.Ordinal), TimeSpan.FromSeconds(60), $"msg-{KillAfter:00}");
        sender.IsCompleted.ShouldBeFalse("the sender should still be sending when the hub dies");
        await fixture.Hub.KillAsync();
        await fixture.RestartHubAsync();
        restarted.SetResult();

        var resends = await sender.WaitAsync(TimeSpan.FromSeconds(120));
        await watcher.WaitForOutputAsync(l => l.EndsWith($" says: msg-{Messages:00}", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the last message after the restart");

        output.WriteLine($"sends repeated after exit 3 (hub unreachable): {resends}");
        output.WriteLine(string.Join('\n', watcher.Errors));
        var watched = Said(watcher.Output);
        watched.Select(m => m.Text).ShouldBe(expected, $"resends after 'hub unreachable': {resends}\n{watcher.Transcript()}");
        watched.Select(m => m.Seq).ShouldBeInOrder(SortDirection.Ascending);
        watched.Select(m => m.Seq).Distinct().Count().ShouldBe(Messages);
        watcher.Errors.ShouldContain(l => l.Contains("connection to the hub lost", StringComparison.Ordinal), watcher.Transcript());
        watcher.HasExited.ShouldBeFalse();

        var record = await team.Bob.RunOkAsync("recv", "--room", "team", "--since", "0");
        Said(record.Lines).Select(m => m.Text).ShouldBe(expected, record.ToString());
    }

    /// <summary>
    /// One <c>parler send</c> per message. The client retries a send it started on its own (same idempotency key);
    /// exit 3 means it never reached the hub, so nothing was written and the same text is sent again once the hub is back.
    /// </summary>
    private static async Task<int> SendAllAsync(ParlerCli alice, IReadOnlyList<string> texts, Task restarted)
    {
        var resends = 0;
        foreach (var text in texts)
        {
            for (var attempt = 1; ; attempt++)
            {
                var run = await alice.RunAsync("send", "--room", "team", text);
                if (run.ExitCode == 0)
                {
                    break;
                }

                run.ExitCode.ShouldBe(3, run.ToString());
                attempt.ShouldBeLessThan(20, run.ToString());
                resends++;
                await restarted;
            }
        }

        return resends;
    }

    private static List<(long Seq, string Text)> Said(IEnumerable<string> lines) =>
        lines.Select(l => SaysLine().Match(l))
            .Where(m => m.Success)
            .Select(m => (long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value))
            .ToList();

    [GeneratedRegex(@"^#(\d+) .* says: (msg-\d+)$")]
    private static partial Regex SaysLine();
}
