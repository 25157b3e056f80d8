using Xunit.Abstractions;

namespace Parler.Mcp.Tests.EndToEnd;

/// <summary>
/// The built <c>parler</c> as a real hub and real <c>parler mcp</c> servers, driven by a client nobody here wrote:
/// the official MCP TypeScript SDK (e2e/handoff.e2e.mjs).
/// </summary>
public sealed class TypeScriptClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task OfficialClient_OpenKnockAskedAcceptJoinHandoff_AllPass()
    {
        if (await NodeModules.EnsureAsync(output) is not var (node, _))
        {
            return;
        }

        // The Native AOT build when .ci/run names it, so the official client talks to the executable that ships.
        var parler = Environment.GetEnvironmentVariable("PARLER_E2E_EXECUTABLE") is { Length: > 0 } published
            ? published
            : Path.Combine(AppContext.BaseDirectory, "parler");
        var (exit, transcript) = await ToolProcess.RunAsync(node, ["handoff.e2e.mjs", parler], NodeModules.Folder, TimeSpan.FromMinutes(6));
        output.WriteLine(transcript);

        exit.ShouldBe(0, transcript);
        transcript.ShouldContain("e2e: ok");
        transcript.ShouldContain("timing initialize_without_hub_ms ");
        transcript.ShouldContain("timing wakeup_after_post_ms ");
        transcript.ShouldContain("timing knock_to_context_ms ");
        transcript.ShouldContain("timing long_read_ms ");
    }
}
