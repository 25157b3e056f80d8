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
        var composites = ToolText.Composites.Select(c => c.Key).ToHashSet();
        foreach (var tool in Tools)
        {
            tool.Actions.ShouldNotBeEmpty(tool.Name);
            tool.Actions.ShouldAllBe(name => Registry.Actions.Any(a => a.Name == name), tool.Name);
            if (tool.Action is null)
            {
                composites.ShouldContain(tool.Key);
            }
            else
            {
                tool.Key.ShouldBe(tool.Action.Name);
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
    public void Build_TheGuidesNames_AreAllTools()
    {
        string[] expected =
        [
            "parler_open_session", "parler_join_session", "parler_join_requests", "parler_approve_join", "parler_deny_join", "parler_invite",
            "parler_join", "parler_send", "parler_recv", "parler_handoff", "parler_task", "parler_remember", "parler_recall", "parler_push",
            "parler_send_file", "parler_fetch", "parler_apply", "parler_rooms", "parler_roster", "parler_register", "parler_discover",
            "parler_card", "parler_serve",
        ];

        expected.ShouldBeSubsetOf(Tools.Select(t => t.Name));
        Tools.ShouldAllBe(t => t.Name.StartsWith("parler_"));
    }

    [Fact]
    public void Build_Schemas_NeverAskForWhatTheClientFills()
    {
        foreach (var tool in Tools)
        {
            tool.Parameters.ShouldNotContain("nonce", tool.Name);
            tool.Parameters.ShouldNotContain("signature", tool.Name);
            tool.Parameters.ShouldNotContain("idempotency_key", tool.Name);
        }

        Tools.Single(t => t.Name == "parler_send").Parameters.ShouldBe(["room", "to", "service", "body"], ignoreOrder: true);
    }

    [Fact]
    public void Build_Names_AreUniqueAndValidMcpToolNames()
    {
        Tools.Select(t => t.Name).ShouldBeUnique();
        Tools.ShouldAllBe(t => Regex.IsMatch(t.Name, "^[a-z][a-z0-9_]{0,63}$"));
    }

    [Fact]
    public void Build_Words_AreInTheModelsTermsAndEveryParameterIsDescribed()
    {
        var http = new Regex(@"/v1/|\bRFC\b|\b(GET|POST|PUT|DELETE) |Idempotency-Key|Bearer|\b(rooms|messages|invites|requests|members|handoffs|tasks|memory|queues|jobs|cards|dms|hub|agent|auth|blobs|bundles|files|cursor)\.[a-z_]+\b", RegexOptions.None);
        foreach (var tool in Tools)
        {
            tool.Face.Title.ShouldNotBeNullOrWhiteSpace(tool.Name);
            http.IsMatch(tool.Face.Description).ShouldBeFalse($"{tool.Name}: {tool.Face.Description}");
            foreach (var (name, schema) in tool.InputSchema["properties"]!.AsObject())
            {
                var description = schema!["description"]?.GetValue<string>();
                description.ShouldNotBeNullOrWhiteSpace($"{tool.Name}.{name}");
                http.IsMatch(description!).ShouldBeFalse($"{tool.Name}.{name}: {description}");
                if (schema["type"]!.GetValue<string>() == "integer")
                {
                    schema.AsObject().ContainsKey("minimum").ShouldBeTrue($"{tool.Name}.{name}");
                }
                else if (name is "body" or "text" or "context" or "summary" or "next" or "result")
                {
                    schema["maxLength"]!.GetValue<int>().ShouldBe(ParameterText.MaxTextBytes, $"{tool.Name}.{name}");
                }
            }
        }
    }

    [Fact]
    public void Build_Waits_StayUnderTheSdksDefaultRequestTimeout()
    {
        foreach (var tool in Tools.Where(t => t.Parameters.Contains("wait")))
        {
            tool.InputSchema["properties"]!["wait"]!["maximum"]!.GetValue<long>().ShouldBeLessThan(60, tool.Name);
        }
    }

    [Fact]
    public void Build_RouteParameters_AreRequiredStringsUnlessTheToolMakesThemOptional()
    {
        foreach (var tool in Tools.Where(t => t.Action is not null))
        {
            var required = tool.RequiredParameters.ToList();
            foreach (var name in ToolSchema.PathParameters(tool.Action!.Route).Except(ToolText.Optional.GetValueOrDefault(tool.Key) ?? []))
            {
                required.ShouldContain(name, tool.Name);
                tool.InputSchema["properties"]![name]!["type"]!.GetValue<string>().ShouldBe("string");
            }
        }
    }

    [Fact]
    public void Build_RequiredFields_FollowTheContractsConstructors()
    {
        Required("parler_send").ShouldBe(["body"]);
        Required("parler_handoff").ShouldBe(["room", "for", "summary", "next"], ignoreOrder: true);
        Required("parler_task").ShouldBe(["room", "handoff", "status"], ignoreOrder: true);
        Required("parler_recv").ShouldBeEmpty();
        Required("parler_open_session").ShouldBe(["topic", "context"], ignoreOrder: true);
        Required("parler_join_session").ShouldBeEmpty();
    }

    [Fact]
    public void Build_Annotations_AreHonest()
    {
        foreach (var tool in Tools.Where(t => t.Action is not null))
        {
            tool.ReadOnly.ShouldBe(tool.Action!.Method == "GET" && tool.Name != "parler_recv", tool.Name);
        }

        Tools.Single(t => t.Name == "parler_recv").ReadOnly.ShouldBeFalse("it moves the cursor");
        Tools.Single(t => t.Name == "parler_remove_member").Destructive.ShouldBeTrue();
        Tools.Single(t => t.Name == "parler_deny_join").Destructive.ShouldBeTrue();
        Tools.Single(t => t.Name == "parler_send").Destructive.ShouldBeFalse();
        foreach (var name in new[] { "parler_send", "parler_handoff", "parler_open_session", "parler_invite", "parler_remember", "parler_push", "parler_enqueue" })
        {
            Tools.Single(t => t.Name == name).Face.Idempotent.ShouldBeFalse($"{name}: calling it twice has two effects");
        }
    }

    [Fact]
    public void Select_DefaultAllAndAList_PickTheTools()
    {
        var byDefault = ToolProfile.Select(Tools, null);
        byDefault.ShouldAllBe(t => t.Face.Default);
        byDefault.Select(t => t.Name).ShouldContain("parler_next_steps");
        ToolProfile.Select(Tools, "all").Count.ShouldBe(Tools.Count);
        ToolProfile.Select(Tools, "default,serve,parler_lease_job").Select(t => t.Name).ShouldBe(
            [.. byDefault.Select(t => t.Name), "parler_serve", "parler_lease_job"], ignoreOrder: true);
        ToolProfile.Select(Tools, "parler_recv").Select(t => t.Name).ShouldBe(["parler_recv"]);
        ToolProfile.Unknown(Tools, "default,nope,parler_recv").ShouldBe(["parler_nope"]);
        ToolProfile.Select(Tools, "parler_nope").Select(t => t.Name).ShouldBe(byDefault.Select(t => t.Name), "nothing known named: the default set");
    }

    private static List<string> Required(string tool) => [.. Tools.Single(t => t.Name == tool).RequiredParameters];
}
