using System.Reflection;
using Xunit.Abstractions;

namespace Parler.Mcp.Tests.EndToEnd;

/// <summary>
/// The built <c>parler</c> as a real hub and two real <c>parler mcp</c> servers, driven by a client nobody here wrote:
/// the official MCP TypeScript SDK (e2e/handoff.e2e.mjs).
/// </summary>
public sealed class TypeScriptClientTests(ITestOutputHelper output)
{
    private static readonly string Folder = typeof(TypeScriptClientTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "E2eDirectory").Value!;

    [Fact]
    public async Task OfficialClient_OpenKnockApproveJoinHandoff_AllPass()
    {
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var node = ToolProcess.FindOnPath("node");
        var npm = ToolProcess.FindOnPath("npm");
        if (node is null || npm is null)
        {
            onCi.ShouldBeFalse("CI=true but node or npm is not on PATH; .ci/run installs Node for this test");
            output.WriteLine("SKIPPED: the MCP end-to-end test needs Node.js 18+ (node and npm on PATH).");
            return;
        }

        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@modelcontextprotocol", "sdk")))
        {
            var (installed, log) = await ToolProcess.RunAsync(npm, ["ci", "--no-audit", "--no-fund"], Folder, TimeSpan.FromMinutes(5));
            output.WriteLine(log);
            if (installed != 0 && !onCi)
            {
                output.WriteLine("SKIPPED: npm ci could not install @modelcontextprotocol/sdk here (no registry?); CI must.");
                return;
            }

            installed.ShouldBe(0, log);
        }

        // The Native AOT build when .ci/run names it, so the official client talks to the executable that ships.
        var parler = Environment.GetEnvironmentVariable("PARLER_E2E_EXECUTABLE") is { Length: > 0 } published
            ? published
            : Path.Combine(AppContext.BaseDirectory, "parler");
        var (exit, transcript) = await ToolProcess.RunAsync(node, ["handoff.e2e.mjs", parler], Folder, TimeSpan.FromMinutes(4));
        output.WriteLine(transcript);

        exit.ShouldBe(0, transcript);
        transcript.ShouldContain("e2e: ok");
        transcript.ShouldContain("timing initialize_without_hub_ms ");
        transcript.ShouldContain("timing wakeup_after_post_ms ");
    }
}
