using System.Text.Json;
using ModelContextProtocol;
using Parler.Contract;
using Parler.Mcp.Tools;

namespace Parler.Mcp.Tests.Tools;

public sealed class ToolArgumentsTests
{
    private static readonly ToolSpec Read = ToolCatalog.Build(ActionCatalog.CreateDefault()).Single(t => t.Name == "parler_recv");

    [Fact]
    public void CheckAgainst_UnknownArgument_IsRefusedNamingTheKnownOnes()
    {
        var error = Should.Throw<McpException>(() => Arguments("""{"room":"team","nonce":"x"}""").CheckAgainst(Read));

        error.Message.ShouldContain("'nonce'");
        error.Message.ShouldContain("room");
    }

    [Fact]
    public void CheckAgainst_WrongTypes_NameTheArgumentAndWhatItMustBe()
    {
        var register = ToolCatalog.Build(ActionCatalog.CreateDefault()).Single(t => t.Name == "parler_register");

        Should.Throw<McpException>(() => Arguments("""{"tags":[1,2]}""").CheckAgainst(register)).Message.ShouldStartWith("parler_register: 'tags' must be a list of");
        Should.Throw<McpException>(() => Arguments("""{"visibility":"everyone"}""").CheckAgainst(register)).Message.ShouldBe("parler_register: 'visibility' must be one of public, private.");
        Should.Throw<McpException>(() => Arguments("""{"room":"team","wait":"soon"}""").CheckAgainst(Read)).Message.ShouldBe("parler_recv: 'wait' must be a whole number.");
        Should.Throw<McpException>(() => Arguments("""{"room":"team","wait":3600}""").CheckAgainst(Read)).Message.ShouldBe("parler_recv: 'wait' must be a whole number from 0 to 50.");
    }

    [Fact]
    public void CheckAgainst_AMebibyteBody_IsBodyTooLargeWithTheLimit()
    {
        var send = ToolCatalog.Build(ActionCatalog.CreateDefault()).Single(t => t.Name == "parler_send");
        var body = new string('x', 1024 * 1024);

        var error = Should.Throw<McpException>(() => Arguments($$"""{"room":"team","body":"{{body}}"}""").CheckAgainst(send));

        error.Message.ShouldStartWith("body_too_large: 'body' is 1048576 bytes and parler_send takes at most 65536.");
    }

    [Fact]
    public void CheckAgainst_MissingRequired_NamesIt() =>
        Should.Throw<McpException>(() => Arguments("""{"room":"team"}""").CheckAgainst(ToolCatalog.Build(ActionCatalog.CreateDefault()).Single(t => t.Name == "parler_send")))
            .Message.ShouldStartWith("parler_send needs 'body'");

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
