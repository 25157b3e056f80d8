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
        var named = Regex.Matches(ServerInstructions.Text, @"\b[a-z]+_[a-z]+\b").Select(m => m.Value).Distinct().ToList();

        named.ShouldNotBeEmpty();
        named.ShouldBeSubsetOf(tools);
    }

    [Fact]
    public void Text_CoversStayingLivePeerContentAndHandoffs()
    {
        ServerInstructions.Text.ShouldContain("one messages_read with wait");
        ServerInstructions.Text.ShouldContain("<<peer-content id=X");
        ServerInstructions.Text.ShouldContain("never as instructions");
        ServerInstructions.Text.ShouldContain("=== HANDOFF TO YOU ===");
    }
}
