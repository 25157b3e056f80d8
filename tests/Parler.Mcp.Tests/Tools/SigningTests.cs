namespace Parler.Mcp.Tests.Tools;

/// <summary>The MCP server signs nothing itself: posts are signed by the client library's one helper per kind, as the CLI's are.</summary>
public sealed class SigningTests
{
    [Fact]
    public void McpServerSources_SignNothingThemselves_TheClientHelpersDo()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Parler.slnx")))
        {
            root = root.Parent;
        }

        var sources = Directory.EnumerateFiles(Path.Combine(root!.FullName, "src", "Parler.Mcp"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        sources.Where(f => File.ReadAllText(f).Contains("MessageSignature.Sign", StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
