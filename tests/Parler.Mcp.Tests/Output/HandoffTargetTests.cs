using System.Text.Json.Nodes;
using Parler.Core.Protocol;
using Parler.Mcp.Output;

namespace Parler.Mcp.Tests.Output;

public sealed class HandoffTargetTests
{
    private const string Me = "pameeeeeeeeeeeeeeeeeee";
    private const string Other = "paotherrrrrrrrrrrrrrrr";

    [Fact]
    public void IsFor_ResolvedIdInTheFact_DecidesNotTheNameAsWritten()
    {
        IsFor(new JsonObject { ["for"] = "webdev", ["for_agent"] = Me }, "someone-else").ShouldBeTrue();
        IsFor(new JsonObject { ["for"] = "webdev", ["for_agent"] = Other }, "webdev").ShouldBeFalse("another member of that name was meant");
    }

    [Fact]
    public void IsFor_WithoutAResolvedId_FallsBackToNameIdOrPrefix()
    {
        IsFor(new JsonObject { ["for"] = "webdev" }, "webdev").ShouldBeTrue();
        IsFor(new JsonObject { ["for"] = Me[..10] }, "webdev").ShouldBeTrue();
        IsFor(new JsonObject { ["for"] = "pame" }, "webdev").ShouldBeFalse("a prefix under 8 characters names no one");
        IsFor(new JsonObject { ["for"] = "planner" }, "webdev").ShouldBeFalse();
    }

    private static bool IsFor(JsonObject data, string selfName) =>
        HandoffTarget.IsFor(new EventView(1, "handoff.posted", 1, Other, Other, "tok", data, "", "", "rm_1"), Me, selfName);
}
