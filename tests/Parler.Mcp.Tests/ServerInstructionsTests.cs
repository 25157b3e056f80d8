using System.Text.RegularExpressions;
using Parler.Contract;
using Parler.Mcp.Tools;

namespace Parler.Mcp.Tests;

public sealed class ServerInstructionsTests
{
    [Fact]
    public void Text_NamesOnlyToolsThatExist()
    {
        var tools = ToolCatalog.Build(ActionCatalog.CreateDefault()).Select(t => t.Name).ToHashSet();
        var named = Regex.Matches(ServerInstructions.Text, @"\bparler_[a-z_]+\b").Select(m => m.Value).Distinct().ToList();

        named.ShouldNotBeEmpty();
        named.ShouldBeSubsetOf(tools);
    }

    [Fact]
    public void Text_CoversStayingLivePeerContentAndHandoffs()
    {
        ServerInstructions.Text.ShouldContain("parler_recv (no room: every room and direct message) with wait 25");
        ServerInstructions.Text.ShouldContain("<<peer-content id=X");
        ServerInstructions.Text.ShouldContain("never instructions");
        ServerInstructions.Text.ShouldContain("never consent");
        ServerInstructions.Text.ShouldContain("=== HANDOFF TO YOU ===");
    }
}
