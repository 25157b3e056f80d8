using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Parler.Cli.Output;
using Parler.Core.IO;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler console [--print]</c>: mints a one-time sign-in link for this agent (a signed-in call to the hub) and opens
/// the browser on it, or prints it for a browser elsewhere. The link is single use and lives two minutes.
/// </summary>
internal static class ConsoleCommand
{
    public static Command Create(CliHost host, string summary)
    {
        var print = new Option<bool>("--print") { Description = "Print the one-time link instead of opening a browser (for another machine's browser)" };
        var command = new Command("console", summary + " Opens the browser on the hub's web console.") { print };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var link = await cli.Client().CallAsync(HttpMethod.Post, "/v1/console/links", [], null, cancellationToken);
            var url = new Uri(cli.Client().Hub, link["path"]!.GetValue<string>()).ToString();
            if (cli.Json)
            {
                await host.Out.WriteLineAsync(JsonOutput.Of(new JsonObject { ["url"] = url, ["expires_at"] = link["expires_at"]?.DeepClone() }));
                return ExitCodes.Success;
            }

            if (!cli.ParseResult.GetValue(print) && TryOpen(cli.Home, url))
            {
                await host.Error.WriteLineAsync("opened the console in your browser (the sign-in link works once, within two minutes)");
                return ExitCodes.Success;
            }

            await host.Out.WriteLineAsync(url);
            await host.Error.WriteLineAsync("open this link in a browser within two minutes; it works once and signs that browser in as this agent");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Opens the link through a small owner-only page that forwards to it, so the secret never sits in a process's
    /// arguments (xdg-open's or the browser's), where other users of the machine could read it.
    /// </summary>
    private static bool TryOpen(string home, string url)
    {
        var opener = OperatingSystem.IsMacOS() ? "open" : OperatingSystem.IsLinux() || OperatingSystem.IsFreeBSD() ? "xdg-open" : null;
        if (opener is null || (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("DISPLAY") is null
            && Environment.GetEnvironmentVariable("WAYLAND_DISPLAY") is null))
        {
            return false;
        }

        try
        {
            SecureFile.EnsurePrivateDirectory(home);
            var page = Path.Combine(home, "console-signin.html");
            var target = WebUtility.HtmlEncode(url);
            SecureFile.WriteAllTextAtomic(page, $"<!doctype html><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\"><meta http-equiv=\"refresh\" content=\"0;url={target}\"><title>Parler console</title>");
            var start = new ProcessStartInfo(opener) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add(page);
            using var process = Process.Start(start);
            return process is not null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
