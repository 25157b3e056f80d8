using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Parler.Core.Identity;

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>Helpers for the live-agent tests: ids, handoffs, a custom environment.</summary>
public static partial class LiveAgents
{
    public static string IdOf(ParlerCli agent) => IdentityFile.LoadOrCreate(agent.Home, agent.Name).Id;

    /// <summary>Hands off from <paramref name="from"/> and returns the handoff id the CLI printed.</summary>
    public static async Task<string> HandoffAsync(ParlerCli from, string room, string target, string summary, string next)
    {
        var run = await from.RunOkAsync("handoff", "--room", room, "--for", target, "--summary", summary, "--next", next);
        var id = HandoffId().Match(run.Out);
        id.Success.ShouldBeTrue(run.ToString());
        return id.Value;
    }

    /// <summary>Starts <c>parler</c> as <paramref name="agent"/> with extra environment variables.</summary>
    public static ChildProcess Start(ParlerCli agent, IReadOnlyDictionary<string, string?> extra, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>(agent.Environment);
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return ChildProcess.Start(ParlerCli.Executable, arguments, environment);
    }

    /// <summary>Posts a handoff with no signature, as a client without a key could.</summary>
    public static async Task<string> PostUnsignedHandoffAsync(ParlerCli from, string roomId, string target, string next)
    {
        using var api = await HubApi.SignInAsync(from);
        var posted = await api.PostAsync($"/v1/rooms/{roomId}/handoffs", new JsonObject
        {
            ["for"] = target, ["summary"] = "unsigned", ["next"] = next, ["nonce"] = Guid.NewGuid().ToString("N"),
        });
        posted.Status.ShouldBe(System.Net.HttpStatusCode.Created, posted.ToString());
        return posted.Json["handoff_id"]!.GetValue<string>();
    }

    /// <summary>Polls a file's lines until <paramref name="done"/> holds (the runner writes them); fails after the deadline.</summary>
    public static async Task<string[]> WaitForLinesAsync(string path, Func<string[], bool> done, TimeSpan timeout, string what)
    {
        string[] lines = [];
        await PollUntilAsync(() => done(lines = File.Exists(path) ? File.ReadAllLines(path) : []), timeout, () => $"{what}; {path} holds: {string.Join(" | ", lines)}");
        return lines;
    }

    /// <summary>
    /// Polls until <paramref name="condition"/> holds, for state another process leaves in a file (it sends no signal to
    /// wait on); fails after the deadline with <paramref name="what"/>.
    /// </summary>
    public static async Task PollUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout} for {what()}.");
            }

            await Task.Delay(10);
        }
    }

    [GeneratedRegex(@"ho_[A-Za-z0-9_-]+")]
    private static partial Regex HandoffId();
}
