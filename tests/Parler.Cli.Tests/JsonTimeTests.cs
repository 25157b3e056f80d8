using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Parler.Cli.Output;

namespace Parler.Cli.Tests;

public sealed partial class JsonTimeTests(CliHarness harness) : IClassFixture<CliHarness>
{
    [Fact]
    public void JsonOutput_WireTimes_PrintIsoUtcToTheMillisecond()
    {
        var wire = new JsonObject
        {
            ["at"] = 1796199857238L,
            ["expires_at"] = "2026-12-09T08:24:17.5144373+00:00",
            ["joined_at"] = "2026-12-02T10:15:00.5+02:00",
            ["seq"] = 3,
            ["data"] = new JsonObject { ["lease_until"] = 1796199887238L, ["size"] = 1796199887238L },
            ["cards"] = new JsonArray(new JsonObject
            {
                ["card"] = new JsonObject { ["updated_at"] = "2026-12-02T08:24:35.9223240+00:00" },
                ["signature"] = "sig",
                ["presence"] = new JsonObject { ["last_seen"] = "2026-12-02T08:24:35.9223240+00:00" },
            }),
        };

        var printed = JsonNode.Parse(JsonOutput.Of(wire))!;

        printed["at"]!.GetValue<string>().ShouldBe("2026-12-02T08:24:17.238Z");
        printed["expires_at"]!.GetValue<string>().ShouldBe("2026-12-09T08:24:17.514Z");
        printed["joined_at"]!.GetValue<string>().ShouldBe("2026-12-02T08:15:00.500Z");
        printed["seq"]!.GetValue<int>().ShouldBe(3);
        printed["data"]!["lease_until"]!.GetValue<string>().ShouldBe("2026-12-02T08:24:47.238Z");
        printed["data"]!["size"]!.GetValue<long>().ShouldBe(1796199887238L);
        printed["cards"]![0]!["card"]!["updated_at"]!.GetValue<string>().ShouldBe("2026-12-02T08:24:35.9223240+00:00", "a signed card is printed as signed");
        printed["cards"]![0]!["presence"]!["last_seen"]!.GetValue<string>().ShouldBe("2026-12-02T08:24:35.922Z");
    }

    [Fact]
    public async Task Json_EveryCommandThatPrintsATime_PrintsIsoUtc()
    {
        var code = (await harness.RunAsync("tia", "invite", "--group", "times")).Lines[^1];
        (await harness.RunAsync("tom", "join", code)).ExitCode.ShouldBe(0);
        (await harness.RunAsync("tia", "serve", "times-q", "--once")).ExitCode.ShouldBe(0);
        var job = (await harness.RunAsync("tom", "send", "--service", "times-q", "time me")).Lines[^1];

        var outputs = new List<CliResult>
        {
            await harness.RunAsync("tia", "invite", "--group", "times", "--json"),
            await harness.RunAsync("tia", "send", "--room", "times", "hello", "--json"),
            await harness.RunAsync("tom", "recv", "--room", "times", "--json"),
            await harness.RunAsync("tom", "roster", "--room", "times", "--json"),
            await harness.RunAsync("tia", "remember", "--room", "times", "a dated note", "--json"),
            await harness.RunAsync("tia", "recall", "--room", "times", "dated", "--json"),
            await harness.RunAsync("tia", "recv", "--service", "times-q", "--json"),
            await harness.RunAsync("tom", "job", job, "--json"),
            await harness.RunAsync("tia", "session", "watch", "--room", "times", "--ttl", "10m", "--json"),
            await harness.RunAsync("tia", "session", "viewers", "--json"),
            await harness.RunAsync("tia", "console", "--print", "--json"),
            await harness.RunAsync("tia", "register", "--public", "--describe", "keeps time", "--json"),
            await harness.RunAsync("tom", "discover", "--public", "time", "--json"),
            await harness.RunAsync("tom", "whoami", "--json"),
        };

        var times = new List<string>();
        foreach (var output in outputs)
        {
            output.ExitCode.ShouldBe(0, output.Error);
            foreach (var line in output.Lines)
            {
                Collect(JsonNode.Parse(line), times);
            }
        }

        times.Count.ShouldBeGreaterThan(13);
        times.ShouldAllBe(time => IsoUtc().IsMatch(time));
        var hubState = JsonNode.Parse(outputs[^1].Lines[^1])!["hub_state"]!.GetValue<string>();
        IsoUtc().IsMatch($"\"{hubState[(hubState.LastIndexOf(' ') + 1)..]}\"").ShouldBeTrue(hubState);
    }

    private static void Collect(JsonNode? node, List<string> times)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, times);
                }

                break;
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name == "card" && obj.ContainsKey("signature"))
                    {
                        continue;
                    }

                    if (value is JsonValue && JsonOutput.IsTimeName(name))
                    {
                        times.Add(value.ToJsonString());
                    }
                    else
                    {
                        Collect(value, times);
                    }
                }

                break;
        }
    }

    [GeneratedRegex("""^"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"$""")]
    private static partial Regex IsoUtc();
}
