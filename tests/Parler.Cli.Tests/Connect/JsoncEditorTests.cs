using System.Text.Json.Nodes;
using Parler.Cli.Connect;

namespace Parler.Cli.Tests.Connect;

public sealed class JsoncEditorTests
{
    private static readonly string[] Servers = ["mcpServers"];

    private static JsonObject Value(string command = "/bin/parler") => new() { ["command"] = command };

    [Fact]
    public void Set_IntoFileWithCommentsAndTrailingCommas_KeepsEverythingElseByteForByte()
    {
        const string before = "{\n  // mine\n  \"theme\": \"dark\", /* why */\n  \"mcpServers\": {\n    \"other\": {\"command\": \"x\"}, // keep\n  },\n}\n";
        var after = JsoncEditor.Set(before, Servers, "parler", Value());
        after.ShouldBe("{\n  // mine\n  \"theme\": \"dark\", /* why */\n  \"mcpServers\": {\n    \"other\": {\"command\": \"x\"}, // keep\n    \"parler\": {\n      \"command\": \"/bin/parler\"\n    },\n  },\n}\n");
        JsoncEditor.Set(after, Servers, "parler", Value()).ShouldBe(after);
    }

    [Fact]
    public void Set_ExistingEntry_ReplacesOnlyItsValue()
    {
        const string before = "{\"mcpServers\": {\"parler\": {\"command\": \"old\"}, \"z\": 1}}";
        var after = JsoncEditor.Set(before, Servers, "parler", Value());
        after.ShouldBe("{\"mcpServers\": {\"parler\": {\n  \"command\": \"/bin/parler\"\n}, \"z\": 1}}");
    }

    [Fact]
    public void Set_NoContainer_AddsItAfterTheLastMemberWithTheFilesIndent()
    {
        const string before = "{\n\t\"a\": [1, 2]\n}";
        JsoncEditor.Set(before, Servers, "parler", Value()).ShouldBe(
            "{\n\t\"a\": [1, 2],\n\t\"mcpServers\": {\n\t\t\"parler\": {\n\t\t\t\"command\": \"/bin/parler\"\n\t\t}\n\t}\n}");
    }

    [Fact]
    public void Set_EmptyFileAndEmptyObject_WritesAFreshDocument()
    {
        JsoncEditor.Set("", Servers, "parler", Value()).ShouldBe("{\n  \"mcpServers\": {\n    \"parler\": {\n      \"command\": \"/bin/parler\"\n    }\n  }\n}\n");
        JsoncEditor.Set("{}", Servers, "parler", Value()).ShouldBe("{\n  \"mcpServers\": {\n    \"parler\": {\n      \"command\": \"/bin/parler\"\n    }\n  }\n}");
    }

    [Fact]
    public void Set_CrLfFile_KeepsCrLf()
    {
        var after = JsoncEditor.Set("{\r\n  \"x\": 1\r\n}\r\n", Servers, "parler", Value());
        after.Replace("\r\n", "").ShouldNotContain("\n");
    }

    [Theory]
    [InlineData("{\"mcpServers\": {\"a\": 1, \"parler\": {}, \"b\": 2}}", "{\"mcpServers\": {\"a\": 1, \"b\": 2}}")]
    [InlineData("{\"mcpServers\": {\"a\": 1, \"parler\": {}}}", "{\"mcpServers\": {\"a\": 1}}")]
    [InlineData("{\"mcpServers\": {\"a\": 1, \"parler\": {},}}", "{\"mcpServers\": {\"a\": 1,}}")]
    [InlineData("{\"mcpServers\": {\"parler\": {}}}", "{\"mcpServers\": {}}")]
    [InlineData("{\"other\": 1}", "{\"other\": 1}")]
    public void Remove_OurEntry_TakesOutOnlyIt(string before, string after) =>
        JsoncEditor.Remove(before, Servers, "parler").ShouldBe(after);

    [Theory]
    [InlineData("{\"mcpServers\": {\"a\": 1,,}}")]
    [InlineData("{\"mcpServers\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{\"mcpServers\": 3}")]
    public void Set_MalformedOrUnexpected_ThrowsInvalidData(string text) =>
        Should.Throw<InvalidDataException>(() => JsoncEditor.Set(text, Servers, "parler", Value()));

    [Fact]
    public void Get_StringsWithEscapesAndCommentMarkers_FindsTheEntry()
    {
        const string text = "{\"u\": \"http://x/*y\\\"//\", \"mcpServers\": {\"parler\": {\"command\": \"c\"}}}";
        JsoncEditor.Get(text, Servers, "parler").ShouldBe("{\"command\": \"c\"}");
    }
}
