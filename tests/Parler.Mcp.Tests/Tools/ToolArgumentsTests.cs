using System.Text.Json;
using ModelContextProtocol;
using Parler.Contract;
using Parler.Mcp.Tools;

namespace Parler.Mcp.Tests.Tools;

public sealed class ToolArgumentsTests
{
    private static readonly ToolSpec Read = ToolCatalog.Build(ActionCatalog.CreateDefault()).Single(t => t.Name == "messages_read");

    [Fact]
    public void CheckAgainst_UnknownArgument_IsRefusedNamingTheKnownOnes()
    {
        var error = Should.Throw<McpException>(() => Arguments("""{"room":"team","nonce":"x"}""").CheckAgainst(Read));

        error.Message.ShouldContain("'nonce'");
        error.Message.ShouldContain("room");
    }

    [Fact]
    public void Integer_NumberOrNumericText_IsRead()
    {
        Arguments("""{"wait":20}""").Integer("wait").ShouldBe(20);
        Arguments("""{"wait":"20"}""").Integer("wait").ShouldBe(20);
        Arguments("""{"wait":null}""").Integer("wait").ShouldBeNull();
    }

    [Fact]
    public void Integer_OtherText_IsRefused() =>
        Should.Throw<McpException>(() => Arguments("""{"wait":"soon"}""").Integer("wait")).Message.ShouldBe("'wait' must be a whole number.");

    [Fact]
    public void RequiredText_Blank_IsRefused() =>
        Should.Throw<McpException>(() => Arguments("""{"room":"  "}""").RequiredText("room")).Message.ShouldBe("'room' is required.");

    private static ToolArguments Arguments(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json));
}
