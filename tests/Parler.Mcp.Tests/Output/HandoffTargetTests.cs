using System.Text.Json.Nodes;
using Parler.Core.Facts;
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

    /// <summary>A whole handoff fact around the given target fields, as the hub stores it.</summary>
    private static bool IsFor(JsonObject target, string selfName)
    {
        var data = new JsonObject { ["handoff_id"] = "ho_1", ["summary"] = "s", ["next"] = "n", ["nonce"] = "x", ["bundle"] = null, ["signature"] = null };
        foreach (var (name, value) in target)
        {
            data[name] = value?.DeepClone();
        }

        return HandoffTarget.IsFor(new EventView(1, "handoff.posted", 1, Other, Other, "tok", FactJson.Of(data.ToJsonString()), "", "", "rm_1"), Me, selfName);
    }
}
