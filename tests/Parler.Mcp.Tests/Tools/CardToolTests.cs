using System.Text.Json.Nodes;

namespace Parler.Mcp.Tests.Tools;

public sealed class CardToolTests(McpHarness harness) : IClassFixture<McpHarness>
{
    [Fact]
    public async Task CardRegister_PublicWithTag_FoundVerifiedByAnotherAgentAndMergedOnUpdate()
    {
        var planner = harness.For("mcp-planner");
        var seeker = harness.For("mcp-seeker");

        await planner.CallAsync("parler_register", new { visibility = "public", tags = new[] { "mcp-planning" }, description = "Plans things." });
        await planner.CallAsync("parler_register", new { role = "planner" });
        var found = await seeker.CallAsync("parler_discover", new { tag = "mcp-planning" });

        var card = JsonNode.Parse(found[found.IndexOf('{', StringComparison.Ordinal)..])!["cards"]!.AsArray().Single()!;
        card["agent"]!.GetValue<string>().ShouldBe(planner.Id);
        card["card"]!["role"]!.GetValue<string>().ShouldBe("planner");
        card["card"]!["description"]!.GetValue<string>().ShouldBe("Plans things.");
        card["card"]!["visibility"]!.GetValue<string>().ShouldBe("public");
        card["presence"]!["online"]!.GetValue<bool>().ShouldBeTrue();
    }
}
