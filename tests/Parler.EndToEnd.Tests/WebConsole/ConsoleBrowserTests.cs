using System.Reflection;
using Parler.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace Parler.EndToEnd.Tests.WebConsole;

/// <summary>
/// The web console in Debian's Chromium, driven by playwright-core (WebConsole/browser/console.e2e.mjs) against a real hub
/// while real <c>parler</c> processes talk: sign-in, live verified messages, an altered fact, a knock, a viewer link,
/// hostile text and CSRF, a queue's jobs live, every file of a room from the hub, a streamed hash-checked download.
/// </summary>
public sealed class ConsoleBrowserTests(HubFixture fixture, ITestOutputHelper output) : IClassFixture<HubFixture>
{
    private static readonly string Folder = typeof(ConsoleBrowserTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ConsoleBrowserDirectory").Value!;

    [Fact]
    public async Task Console_InChromium_SignsInWatchesLiveAdmitsAndStaysSafe()
    {
        var chromium = Environment.GetEnvironmentVariable("PARLER_CHROMIUM") ?? "/usr/bin/chromium";
        var node = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(p => Path.Combine(p, "node")).FirstOrDefault(File.Exists);
        var ready = File.Exists(chromium) && node is not null && Directory.Exists(Path.Combine(Folder, "node_modules", "playwright-core"));
        if (!ready)
        {
            string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
                .ShouldBeFalse($"CI=true but Chromium ({chromium}), node or {Folder}/node_modules/playwright-core is missing; .ci/run installs them");
            output.WriteLine("SKIPPED: needs /usr/bin/chromium, node and npm ci in " + Folder);
            return;
        }

        var team = await fixture.TeamAsync();
        var carol = fixture.Agent("carol");
        await carol.RunOkAsync("whoami");

        // A file shared early, then more messages than the page's first load (100 facts): the console must still list
        // it, since its files come from the hub (files.list), not from the facts loaded so far.
        var early = fixture.ScratchPath("early-notes.txt");
        await File.WriteAllTextAsync(early, "shared before a long conversation");
        await team.Alice.RunOkAsync("send-file", "--room", "team", "--note", "an early file", early);
        using (var bobApi = await HubApi.SignInAsync(team.Bob))
        {
            for (var i = 0; i < 110; i++)
            {
                (await bobApi.PostMessageAsync(team.RoomId, $"filler {i}", null)).Status.ShouldBe(System.Net.HttpStatusCode.Created);
            }
        }

        var sent = await team.Alice.RunOkAsync("send", "--room", "team", "words an operator will change");
        var seq = long.Parse(sent.Out.Split(' ')[1].TrimStart('#'), System.Globalization.CultureInfo.InvariantCulture);
        await team.Bob.RunOkAsync("send", "--room", "team", "an honest message");
        (await RecordTampering.RewriteBodyAsync(fixture, team.RoomId, seq, "tampered by the operator")).ShouldBe(1);

        var environment = new Dictionary<string, string?>
        {
            ["PARLER_BIN"] = ParlerCli.Executable,
            ["HUB_URL"] = fixture.HubUrl,
            ["ALICE_HOME"] = team.Alice.Home,
            ["BOB_HOME"] = team.Bob.Home,
            ["CAROL_HOME"] = carol.Home,
            ["ROOM_ID"] = team.RoomId,
            ["TAMPERED_SEQ"] = seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CHROMIUM"] = chromium,
            ["EARLY_FILE_SHA"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(early))),
            ["CONSOLE_SCREENSHOTS"] = Environment.GetEnvironmentVariable("PARLER_CONSOLE_SCREENSHOTS") ?? "",
        };
        await using var driver = ChildProcess.Start(node!, [Path.Combine(Folder, "console.e2e.mjs")], environment, Folder);
        var exit = await driver.WaitForExitAsync(TimeSpan.FromMinutes(6));
        output.WriteLine(driver.Transcript());
        exit.ShouldBe(0, driver.Transcript());
        driver.Output.ShouldContain("console e2e: all steps passed");
    }
}
