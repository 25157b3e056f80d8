using System.Net;
using System.Text.RegularExpressions;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>The surface is declared once; the OpenAPI document, llms.txt and a room's affordances must all show the same actions.</summary>
public sealed partial class DiscoveryTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task OpenApiAndLlmsText_EachAction_ListedInBoth()
    {
        using var anonymous = new HubApi(fixture.HubUrl);
        var operations = await OperationIdsAsync(anonymous);
        operations.Count.ShouldBeGreaterThan(10);

        var llms = await anonymous.GetAsync("/llms.txt");
        llms.Status.ShouldBe(HttpStatusCode.OK);
        llms.MediaType.ShouldBe("text/plain");
        var guide = LlmsAction().Matches(llms.Text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        operations.Except(guide).ShouldBeEmpty("in /openapi.json but not in /llms.txt");
        guide.Except(operations).ShouldBeEmpty("in /llms.txt but not in /openapi.json");
    }

    [Fact]
    public async Task Affordances_OfARoom_ListEveryOpenApiAction()
    {
        var team = await fixture.TeamAsync();
        using var alice = await HubApi.SignInAsync(team.Alice);
        var operations = await OperationIdsAsync(alice);

        var affordances = await alice.GetAsync($"/v1/rooms/{team.RoomId}/affordances");
        affordances.Status.ShouldBe(HttpStatusCode.OK, affordances.ToString());
        var actions = affordances.Json["actions"]!.AsArray().Select(a => a!["action"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

        operations.Except(actions).Order(StringComparer.Ordinal).ShouldBeEmpty("in /openapi.json but missing from the room's affordances");
        actions.Except(operations).ShouldBeEmpty("in the affordances but not in /openapi.json");
    }

    [Fact]
    public Task OpenApi_Document_PassesRedoclyLint() =>
        LintAsync("openapi.json", file => ["--yes", "@redocly/cli@2.77.0", "lint", file], l => l.StartsWith("validating ", StringComparison.Ordinal));

    /// <summary>Spectral's OpenAPI ruleset, every rule on at its own severity; any finding at all (hints too) fails.</summary>
    [Fact]
    public async Task OpenApi_Document_SpectralFindsNothing()
    {
        var ruleset = fixture.ScratchPath(".spectral.yaml");
        await File.WriteAllTextAsync(ruleset, "extends: [\"spectral:oas\"]\n");
        await LintAsync(
            "spectral-openapi.json",
            file => ["--yes", "@stoplight/spectral-cli@6.16.3", "lint", file, "--ruleset", ruleset, "--fail-severity", "hint"],
            l => l.Contains("No results with a severity of", StringComparison.Ordinal) || l.Contains("problems (", StringComparison.Ordinal),
            mustRun: true);
    }

    /// <summary>
    /// Lints the hub's /openapi.json with an npm linter run through npx; <paramref name="ran"/> recognises a line the
    /// linter prints once it ran. Off CI a linter npx cannot fetch (no registry) is let go; on CI it must run.
    /// </summary>
    private async Task LintAsync(string name, Func<string, string[]> arguments, Func<string, bool> ran, bool mustRun = false)
    {
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var npx = FindOnPath("npx");
        if (npx is null)
        {
            onCi.ShouldBeFalse("CI=true but npx is not on PATH; .ci/run installs Node for this test");
            return;
        }

        using var anonymous = new HubApi(fixture.HubUrl);
        var document = await anonymous.GetAsync("/openapi.json");
        document.Status.ShouldBe(HttpStatusCode.OK);
        var file = fixture.ScratchPath(name);
        await File.WriteAllTextAsync(file, document.Text);

        await using var lint = ChildProcess.Start(npx, arguments(file), new Dictionary<string, string?> { ["NO_COLOR"] = "1" });
        var exit = await lint.WaitForExitAsync(TimeSpan.FromMinutes(2));
        var linterRan = lint.Output.Concat(lint.Errors).Any(ran);
        if (exit != 0 && !linterRan && !onCi)
        {
            return;
        }

        exit.ShouldBe(0, lint.Transcript());
        if (mustRun)
        {
            linterRan.ShouldBeTrue(lint.Transcript());
        }
    }

    private static async Task<HashSet<string>> OperationIdsAsync(HubApi api)
    {
        var document = await api.GetAsync("/openapi.json");
        document.Status.ShouldBe(HttpStatusCode.OK, document.ToString());
        document.Json["openapi"]!.GetValue<string>().ShouldStartWith("3.1");
        return document.Json["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value!["operationId"]!.GetValue<string>()))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"^- `[A-Z]+ [^`]+` \*\*([a-z_]+\.[a-z_]+)\*\*", RegexOptions.Multiline)]
    private static partial Regex LlmsAction();
}
