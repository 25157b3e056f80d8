using Xunit.Abstractions;

namespace Parler.Mcp.Tests.EndToEnd;

/// <summary>The MCP Inspector's CLI (the npm package) against the built <c>parler mcp</c>, as a person checking a server would run it.</summary>
public sealed class InspectorCliTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("tools/list", "\"parler_open_session\"")]
    [InlineData("resources/list", "\"parler://session\"")]
    [InlineData("prompts/list", "\"continue_handoff\"")]
    public async Task InspectorCli_Lists_ExitsZeroWithTheServersOffer(string method, string expected)
    {
        if (await NodeModules.EnsureAsync(output) is not var (_, npx))
        {
            return;
        }

        var home = Directory.CreateTempSubdirectory("parler-inspector-").FullName;
        try
        {
            var parler = Path.Combine(AppContext.BaseDirectory, "parler");
            var (exit, text) = await ToolProcess.RunAsync(
                npx,
                ["--no-install", "mcp-inspector", "--cli", "-e", $"PARLER_HOME={home}", "-e", $"PARLER_HUB=http://127.0.0.1:{Parler.Tests.Shared.FreePort.Pick()}", parler, "mcp", "--method", method],
                NodeModules.Folder,
                TimeSpan.FromMinutes(2));
            output.WriteLine(text);

            exit.ShouldBe(0, text);
            text.ShouldContain(expected);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
