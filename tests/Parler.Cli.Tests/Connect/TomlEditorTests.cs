using Parler.Cli.Connect;

namespace Parler.Cli.Tests.Connect;

public sealed class TomlEditorTests
{
    private const string Table = "mcp_servers.parler";
    private const string Block = "[mcp_servers.parler]\ncommand = \"p\"\n\n[mcp_servers.parler.env]\nA = \"1\"\n";

    [Fact]
    public void Set_FileWithOtherTables_AppendsAndKeepsTheRest()
    {
        const string before = "model = \"o3\" # pick\n\n[mcp_servers.other]\ncommand = \"x\"\nargs = [\n  \"a\", # one\n  \"b\",\n]\n";
        var after = TomlEditor.Set(before, Table, Block);
        after.ShouldBe(before + "\n" + Block);
        TomlEditor.Set(after, Table, Block).ShouldBe(after);
        TomlEditor.Remove(after, Table).ShouldBe(before);
    }

    [Fact]
    public void Set_ExistingTablesInTheMiddle_ReplacesThemInPlaceKeepingTheCommentBelow()
    {
        const string before = "[mcp_servers.parler]\ncommand = \"old\"\n[mcp_servers.parler.env]\nB = \"2\"\n\n# next one\n[mcp_servers.z]\ncommand = \"z\"\n";
        var after = TomlEditor.Set(before, Table, Block);
        after.ShouldBe(Block + "\n# next one\n[mcp_servers.z]\ncommand = \"z\"\n");
        TomlEditor.Remove(after, Table).ShouldBe("# next one\n[mcp_servers.z]\ncommand = \"z\"\n");
    }

    [Fact]
    public void Set_MultiLineStringThatLooksLikeAHeader_IsNotMistakenForOne()
    {
        const string before = "notes = \"\"\"\n[mcp_servers.parler]\n\"\"\"\n";
        TomlEditor.Get(before, Table).ShouldBeNull();
        TomlEditor.Set(before, Table, Block).ShouldBe(before + "\n" + Block);
    }

    [Theory]
    [InlineData("[mcp_servers.other\ncommand = \"x\"\n")]
    [InlineData("command = \"x\n")]
    [InlineData("args = [\"a\",\n")]
    [InlineData("just words\n")]
    public void Set_Malformed_ThrowsInvalidDataNamingTheLine(string text) =>
        Should.Throw<InvalidDataException>(() => TomlEditor.Set(text, Table, Block));

    [Fact]
    public void Quote_BackslashesAndQuotes_AreEscaped() =>
        TomlEditor.Quote("C:\\Program Files\\\"p\"").ShouldBe("\"C:\\\\Program Files\\\\\\\"p\\\"\"");
}
