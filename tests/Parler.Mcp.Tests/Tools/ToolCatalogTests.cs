using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Parler.Contract;
using Parler.Mcp.Tools;

namespace Parler.Mcp.Tests.Tools;

public sealed class ToolCatalogTests
{
    private static readonly ActionCatalog Registry = ActionCatalog.CreateDefault();
    private static readonly IReadOnlyList<ToolSpec> Tools = ToolCatalog.Build(Registry);

    [Fact]
    public void Build_EveryTool_StandsOnRegisteredActionsOrIsAListedComposite()
    {
        var composites = ToolText.Composites.Select(c => c.Name).ToHashSet();
        foreach (var tool in Tools)
        {
            tool.Actions.ShouldNotBeEmpty(tool.Name);
            tool.Actions.ShouldAllBe(name => Registry.Actions.Any(a => a.Name == name), tool.Name);
            if (tool.Action is null)
            {
                composites.ShouldContain(tool.Name);
            }
            else
            {
                tool.Name.ShouldBe(ToolSpec.NameOf(tool.Action.Name));
                tool.Description.ShouldStartWith(tool.Action.Summary + " ");
            }
        }
    }

    [Fact]
    public void Build_EveryAction_IsAToolOrExcludedWithAReason()
    {
        foreach (var action in Registry.Actions)
        {
            var offered = Tools.Any(t => t.Action?.Name == action.Name);
            var excluded = ToolText.Excluded.TryGetValue(action.Name, out var reason);
            (offered ^ excluded).ShouldBeTrue($"{action.Name}: a tool ({offered}) or excluded ({excluded}), exactly one");
            if (excluded)
            {
                reason.ShouldNotBeNullOrWhiteSpace();
            }
        }
    }

    [Fact]
    public void Build_CliCapabilities_AreAllTools()
    {
        string[] expected =
        [
            "agent_whoami", "rooms_list", "rooms_roster", "rooms_leave", "invites_mint", "invites_redeem", "invites_revoke", "messages_post",
            "messages_read", "session_open", "session_join", "requests_list", "requests_approve", "requests_deny", "members_remove",
            "handoffs_post", "tasks_status",
        ];

        expected.ShouldBeSubsetOf(Tools.Select(t => t.Name));
    }

    [Fact]
    public void Build_Schemas_NeverAskForWhatTheClientFills()
    {
        foreach (var tool in Tools)
        {
            var properties = tool.InputSchema["properties"]!.AsObject().Select(p => p.Key).ToList();
            properties.ShouldNotContain("nonce", tool.Name);
            properties.ShouldNotContain("signature", tool.Name);
            tool.Fields.ShouldNotContain("nonce", tool.Name);
            tool.Fields.ShouldNotContain("signature", tool.Name);
        }

        Tools.Single(t => t.Name == "messages_post").Parameters.ShouldBe(["room", "body", ToolText.IdempotencyKey], ignoreOrder: true);
    }

    [Fact]
    public void Build_Names_AreUniqueAndValidMcpToolNames()
    {
        Tools.Select(t => t.Name).ShouldBeUnique();
        Tools.ShouldAllBe(t => Regex.IsMatch(t.Name, "^[a-z][a-z0-9_]{0,63}$"));
    }

    [Fact]
    public void Build_RouteParameters_AreRequiredStrings()
    {
        foreach (var tool in Tools.Where(t => t.Action is not null))
        {
            var required = (tool.InputSchema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()).ToList();
            foreach (var name in ToolSchema.PathParameters(tool.Action!.Route))
            {
                required.ShouldContain(name, tool.Name);
                tool.InputSchema["properties"]![name]!["type"]!.GetValue<string>().ShouldBe("string");
            }
        }
    }

    [Fact]
    public void Build_RequiredFields_FollowTheContractsConstructors()
    {
        Required("messages_post").ShouldBe(["room", "body"], ignoreOrder: true);
        Required("handoffs_post").ShouldBe(["room", "for", "summary", "next"], ignoreOrder: true);
        Required("tasks_status").ShouldBe(["room", "handoff", "status"], ignoreOrder: true);
        Required("messages_read").ShouldBe(["room"]);
        Required("session_open").ShouldBe(["topic", "context"], ignoreOrder: true);
        Required("session_join").ShouldBeEmpty();
    }

    [Fact]
    public void Build_Annotations_AreHonest()
    {
        foreach (var tool in Tools.Where(t => t.Action is not null))
        {
            tool.ReadOnly.ShouldBe(tool.Action!.Method == "GET" && tool.Name != "messages_read", tool.Name);
            var takesKey = tool.Parameters.Contains(ToolText.IdempotencyKey);
            takesKey.ShouldBe(tool.Action.IdempotencyKey, tool.Name);
            if (!tool.ReadOnly)
            {
                tool.Idempotent.ShouldBe(takesKey, tool.Name);
            }
        }

        Tools.Single(t => t.Name == "messages_read").ReadOnly.ShouldBeFalse("it moves the cursor");
        Tools.Single(t => t.Name == "members_remove").Destructive.ShouldBeTrue();
        Tools.Single(t => t.Name == "messages_post").Destructive.ShouldBeFalse();
    }

    [Fact]
    public void Build_CompositeParameters_TakeTheirTypesFromActionFields()
    {
        var open = Tools.Single(t => t.Name == "session_open").InputSchema["properties"]!;
        open["topic"]!["type"]!.GetValue<string>().ShouldBe("string");
        open["approval"]!["type"]!.GetValue<string>().ShouldBe("boolean");
        open["ttl_seconds"]!["type"]!.GetValue<string>().ShouldBe("integer");
        Tools.Single(t => t.Name == "session_join").InputSchema["properties"]!["wait"]!["type"]!.GetValue<string>().ShouldBe("integer");
    }

    [Fact]
    public void Build_OptionalFields_OfferNoNullValueOrDefault()
    {
        foreach (var tool in Tools)
        {
            foreach (var (name, schema) in tool.InputSchema["properties"]!.AsObject())
            {
                schema!["type"].ShouldBeAssignableTo<JsonValue>($"{tool.Name}.{name}");
                schema.AsObject().ContainsKey("default").ShouldBeFalse($"{tool.Name}.{name}");
            }
        }
    }

    private static List<string> Required(string tool) =>
        (Tools.Single(t => t.Name == tool).InputSchema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()).ToList();
}
