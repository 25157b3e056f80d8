using Parler.Contract;
using Parler.Mcp.Tools;

namespace Parler.Mcp.Tests.Tools;

public sealed class ErrorWordsTests
{
    private static readonly ActionCatalog Registry = ActionCatalog.CreateDefault();
    private static readonly ErrorWords Words = ToolCatalog.Words(Registry, ToolCatalog.Build(Registry));

    [Fact]
    public void InToolTerms_RoutesAndCliCommands_BecomeTools()
    {
        Words.InToolTerms("post to it with POST /v1/rooms/{room}/messages.").ShouldBe("post to it with parler_send.");
        Words.InToolTerms("Others join with an invite from POST /v1/rooms/rm_1/invites.").ShouldBe("Others join with an invite from parler_invite.");
        Words.InToolTerms("A blob id is the hash on a line of 'parler recv'; or 'parler discover'.").ShouldBe("A blob id is the hash on a line of 'parler_recv'; or 'parler_discover'.");
        Words.InToolTerms("ack with POST /v1/rooms/{room}/cursor").ShouldBe("ack with parler_recv");
    }

    [Fact]
    public void InToolTerms_NoRouteOrCommand_IsUnchanged() =>
        Words.InToolTerms("'wait' must be between 0 and 60; got 90.").ShouldBe("'wait' must be between 0 and 60; got 90.");
}
