using System.CommandLine;
using System.Globalization;
using Parler.Cli.Wake;
using Parler.Client;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler hook stop</c>: Claude Code's Stop hook, wired by <c>parler connect</c>. It waits up to PARLER_WAKE_WAIT_SECS
/// (default 30) for something addressed to this agent; when there is, it prints the hook's block decision with the peer
/// text framed as peer content, so the turn goes on; otherwise it prints nothing and the turn ends. It never fails a turn.
/// </summary>
internal static class HookCommand
{
    public const string WaitVariable = "PARLER_WAKE_WAIT_SECS";
    public const int DefaultWaitSeconds = 30;

    public static Command Create(CliHost host)
    {
        var stop = new Command("stop", "Claude Code's Stop hook: wait briefly for a handoff, DM or knock addressed to you; if one comes, keep the turn going");
        stop.Handle(host, async (cli, cancellationToken) =>
        {
            var wait = WaitSeconds(host.Environment(WaitVariable));
            try
            {
                var client = cli.Client();
                var items = await new WakeWatch(client, cli.Home, host.Time).WaitAsync(TimeSpan.FromSeconds(wait), cancellationToken);
                if (items.Count > 0)
                {
                    await host.Out.WriteLineAsync(StopHookReply.Block(items));
                }
            }
            catch (Exception ex) when (ex is HubClientException or HttpRequestException or IOException or InvalidDataException)
            {
                await host.Error.WriteLineAsync($"parler hook stop: {ex.Message}");
            }

            return ExitCodes.Success;
        });
        return new Command("hook", "Hooks for AI clients (wired by 'parler connect')") { stop };
    }

    private static int WaitSeconds(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? Math.Clamp(seconds, 0, 600) : DefaultWaitSeconds;
}
