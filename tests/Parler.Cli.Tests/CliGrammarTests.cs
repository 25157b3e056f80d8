using System.Globalization;
using System.Text.Json;

namespace Parler.Cli.Tests;

/// <summary>One grammar for every command: exit codes listed in --help, usage errors exit 2, --json errors are JSON on stderr.</summary>
public sealed class CliGrammarTests(CliHarness harness) : IClassFixture<CliHarness>
{
    [Fact]
    public async Task UnknownOption_AnyCommand_ExitsUsageNamingThatCommandsHelp()
    {
        var result = await harness.RunAsync("grammar", "rooms", "--bogus");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Error.ShouldContain("parler: Unrecognized command or argument '--bogus'.");
        result.Error.ShouldContain("next: parler rooms --help");
    }

    [Fact]
    public async Task UnknownCommand_WithJson_IsAUsageErrorInJson()
    {
        var result = await harness.RunAsync("grammar", "nonsense", "--json");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        using var error = JsonDocument.Parse(result.Error);
        error.RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("usage");
        error.RootElement.GetProperty("error").GetProperty("message").GetString().ShouldBe("Unrecognized command or argument 'nonsense'.");
    }

    [Fact]
    public async Task HubRefusal_WithJson_IsOneJsonObjectOnStderrNamingAParlerCommand()
    {
        var result = await harness.RunAsync("grammar", "join", "ZZZZZZZZ", "--json");

        result.ExitCode.ShouldBe(ExitCodes.NotFound);
        result.Out.ShouldBeEmpty();
        using var error = JsonDocument.Parse(result.Error);
        var body = error.RootElement.GetProperty("error");
        body.GetProperty("code").GetString().ShouldBe("invite_invalid");
        body.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        body.GetProperty("action").GetString()!.ShouldContain("parler ");
    }

    [Fact]
    public async Task RoomNotFound_AnyCommand_NamesAParlerCommandAndNoHttpRoute()
    {
        var result = await harness.RunAsync("grammar", "recv", "--room", "no-such-room");

        result.ExitCode.ShouldBe(ExitCodes.NotFound, result.ToString());
        result.Error.ShouldContain("next: parler rooms");
        result.Error.ShouldNotContain("/v1/");
        result.Error.ShouldNotContain("POST ");
        result.Error.ShouldNotContain("GET ");
    }

    [Fact]
    public async Task Roster_ForPeople_StartsWithAHeaderRow()
    {
        var code = (await harness.RunAsync("grammar-owner", "invite", "--group", "grammar-room")).Out.Trim();
        (await harness.RunAsync("grammar-guest", "join", code)).ExitCode.ShouldBe(0);

        var roster = await harness.RunAsync("grammar-owner", "roster", "--room", "grammar-room");

        roster.ExitCode.ShouldBe(0, roster.ToString());
        roster.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["NAME", "ROLE", "AGENT"]);
        roster.Lines.Length.ShouldBe(3);
    }

    [Fact]
    public async Task ConnectTeam_AddressThatIsNoAddress_IsAUsageError()
    {
        var result = await harness.RunAsync("grammar", "connect", "--team", "--addr", "not-an-address");

        result.ExitCode.ShouldBe(ExitCodes.Usage, result.ToString());
        result.Error.ShouldContain("next: parler connect --help");
    }

    [Fact]
    public async Task OptionValueOfTheWrongKind_IsAUsageErrorInPlainWords()
    {
        var result = await harness.RunAsync("grammar", "invite", "--group", "g", "--ttl", "soon");

        result.ExitCode.ShouldBe(ExitCodes.Usage, result.ToString());
        result.Error.ShouldContain("Cannot parse argument 'soon' for option '--ttl' as a whole number.");
        result.Error.ShouldNotContain("System.");
    }

    [Fact]
    public async Task Hub_AddressThatIsNoAddress_IsAUsageError()
    {
        var result = await harness.RunAsync("grammar", "hub", "--addr", "not-an-address");

        result.ExitCode.ShouldBe(ExitCodes.Usage, result.ToString());
        result.Error.ShouldContain("next: parler hub --help");
    }

    [Fact]
    public void PeopleTime_AnyInstant_IsLocalTimeToTheSecond()
    {
        var at = new DateTimeOffset(2026, 12, 2, 6, 15, 4, TimeSpan.Zero);

        Output.PeopleTime.Format(at).ShouldBe(at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Help_Root_ListsEveryExitCode()
    {
        var result = await harness.RunAsync("grammar", "--help");

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("Exit codes:");
        foreach (var (code, meaning) in ExitCodes.Described)
        {
            result.Out.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"  {code,-4} {meaning}"));
        }
    }
}
