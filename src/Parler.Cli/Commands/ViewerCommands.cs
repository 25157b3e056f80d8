using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Parler.Cli.Output;

namespace Parler.Cli.Commands;

/// <summary>
/// Read-only viewer links for the web console: <c>parler session watch --room R --ttl 1h</c> mints one,
/// <c>parler session viewers</c> lists them, <c>parler revoke viewer ID</c> ends one at once.
/// </summary>
internal static class ViewerCommands
{
    public static Command Watch(CliHost host, string summary)
    {
        var room = new Option<string>("--room") { Description = "Room name or id", Required = true };
        var ttl = new Option<string>("--ttl") { Description = "How long the link works: 90s, 30m, 1h, 7d (default 1h)" };
        var command = new Command("watch", summary) { room, ttl };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var seconds = cli.ParseResult.GetValue(ttl) is { } text
                ? ParseDuration(text) ?? throw new CliUsageException($"'{text}' is not a duration; use 90s, 30m, 1h or 7d.")
                : (int?)null;
            var client = cli.Client();
            var roomId = await client.ResolveRoomIdAsync(cli.ParseResult.GetValue(room)!, cancellationToken);
            var body = new JsonObject();
            if (seconds is { } s)
            {
                body["ttl_seconds"] = s;
            }

            var viewer = await client.CallAsync(HttpMethod.Post, $"/v1/rooms/{Uri.EscapeDataString(roomId)}/viewers", body, Guid.NewGuid().ToString("N"), cancellationToken);
            var url = new Uri(client.Hub, viewer["path"]!.GetValue<string>()).ToString();
            if (cli.Json)
            {
                await host.Out.WriteLineAsync(JsonOutput.Of(new JsonObject
                {
                    ["viewer_id"] = viewer["viewer_id"]?.DeepClone(), ["room"] = viewer["room"]?.DeepClone(), ["url"] = url, ["expires_at"] = viewer["expires_at"]?.DeepClone(),
                }));
                return ExitCodes.Success;
            }

            await host.Out.WriteLineAsync(url);
            await host.Error.WriteLineAsync(
                $"read-only viewer link {viewer["viewer_id"]} for this room until {viewer["expires_at"]}; revoke it with: parler revoke viewer {viewer["viewer_id"]}");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command List(CliHost host, string summary)
    {
        var all = new Option<bool>("--all") { Description = "Also show revoked and expired links" };
        var command = new Command("viewers", summary) { all };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var list = await cli.Client().CallAsync(HttpMethod.Get, "/v1/console/viewers", null, null, cancellationToken);
            var now = cli.Host.Time.GetUtcNow();
            if (!cli.Json)
            {
                await host.Out.WriteLineAsync($"{"VIEWER",-30} {"ROOM",-24} STATE");
            }

            foreach (var viewer in list["viewers"]!.AsArray())
            {
                var expires = DateTimeOffset.Parse(viewer!["expires_at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                var revoked = viewer["revoked"]!.GetValue<bool>();
                var live = !revoked && expires > now;
                if (!live && !cli.ParseResult.GetValue(all))
                {
                    continue;
                }

                await host.Out.WriteLineAsync(cli.Json
                    ? JsonOutput.Of(viewer)
                    : $"{viewer["viewer_id"],-30} {viewer["room"],-24} {(revoked ? "revoked" : expires > now ? "until " + PeopleTime.Format(expires) : "expired")}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Revoke(CliHost host)
    {
        var id = new Argument<string>("viewer-id") { Description = "The viewer link's id (tvw_...) or its first 8+ characters, from 'parler session viewers'" };
        var command = new Command("viewer", "Revoke a viewer link: every browser showing it stops at once") { id };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var viewerId = cli.ParseResult.GetValue(id)!;
            if (!viewerId.StartsWith("tvw_", StringComparison.Ordinal))
            {
                throw new CliUsageException($"'{viewerId}' is not a viewer id; they start with tvw_ (see 'parler session viewers').");
            }

            var revoked = await cli.Client().RevokeTokenAsync(viewerId, cancellationToken);
            await host.Out.WriteLineAsync($"revoked viewer {revoked.TokenId}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Seconds in "90s", "30m", "1h", "7d" or a bare number of seconds.</summary>
    public static int? ParseDuration(string text)
    {
        text = text.Trim();
        var unit = text.Length > 0 && char.IsLetter(text[^1]) ? char.ToLowerInvariant(text[^1]) : 's';
        var digits = char.IsLetter(text.Length > 0 ? text[^1] : '0') ? text[..^1] : text;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return null;
        }

        long seconds = unit switch { 's' => value, 'm' => value * 60L, 'h' => value * 3600L, 'd' => value * 86400L, _ => -1 };
        return seconds is > 0 and <= int.MaxValue ? (int)seconds : null;
    }
}
