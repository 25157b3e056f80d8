using Parler.Client.Live;
using Shouldly;

namespace Parler.Client.Tests;

public sealed class IdLookupTests
{
    private static readonly (string, string)[] Handoffs =
    [
        ("ho_0a777035aa11", "#3 for webdev"),
        ("ho_0a777035bb22", "#5 for bob"),
        ("ho_9f00e1c2cc33", "#7 for carol"),
    ];

    [Fact]
    public void Resolve_UniquePrefixOfEightOrMore_IsTheFullId() =>
        IdLookup.Resolve("ho_9f00e1", Handoffs, "handoff").ShouldBe("ho_9f00e1c2cc33");

    [Fact]
    public void Resolve_FullIdOrShortOrUnknownText_IsLeftForTheHubToAnswer()
    {
        IdLookup.Resolve("ho_0a777035aa11", Handoffs, "handoff").ShouldBe("ho_0a777035aa11");
        IdLookup.Resolve("ho_9f0", Handoffs, "handoff").ShouldBe("ho_9f0");
        IdLookup.Resolve("ho_12345678", Handoffs, "handoff").ShouldBe("ho_12345678");
    }

    [Fact]
    public void Resolve_AmbiguousPrefix_IsRefusedWithTheCandidates()
    {
        var refused = Should.Throw<HubClientException>(() => IdLookup.Resolve("ho_0a777035", Handoffs, "handoff"));

        refused.Problem!.Code.ShouldBe("ambiguous_id");
        refused.Message.ShouldContain("'ho_0a777035' starts 2 handoff ids: ho_0a777035aa11 (#3 for webdev); ho_0a777035bb22 (#5 for bob)");
    }
}
