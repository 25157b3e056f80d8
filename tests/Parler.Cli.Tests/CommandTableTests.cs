using System.CommandLine;

namespace Parler.Cli.Tests;

/// <summary>A command line builds only the command it names; that must parse, run and explain itself as the whole tree does.</summary>
public sealed class CommandTableTests
{
    private static CliHost Host(TextWriter output, TextWriter error) =>
        new(output, error, _ => null, TimeProvider.System);

    [Fact]
    public void Table_EveryCommandOfTheTree_BuildsAloneUnderItsName()
    {
        var all = ParlerCli.Build(Host(TextWriter.Null, TextWriter.Null)).Subcommands.Select(c => c.Name).ToList();

        all.Count.ShouldBeGreaterThan(20);
        foreach (var name in all)
        {
            ParlerCli.Named([name]).ShouldBe(name);
            ParlerCli.Build(Host(TextWriter.Null, TextWriter.Null), name).Subcommands.Single().Name.ShouldBe(name);
        }
    }

    [Theory]
    [InlineData("send", "send --room r hi")]
    [InlineData("rooms", "--json rooms")]
    [InlineData("rooms", "--hub http://127.0.0.1:1 rooms")]
    [InlineData("rooms", "--hub=http://127.0.0.1:1 --name a rooms")]
    [InlineData("hub", "hub stop")]
    [InlineData(null, "nonsense")]
    [InlineData(null, "--help")]
    [InlineData(null, "--version")]
    [InlineData(null, "")]
    public void Named_CommandLine_IsItsFirstWordPastTheGlobalOptions(string? expected, string line) =>
        ParlerCli.Named(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ShouldBe(expected);

    [Theory]
    [InlineData("send --help")]
    [InlineData("hub --help")]
    [InlineData("session approve --help")]
    [InlineData("--json rooms --help")]
    public async Task Help_OneCommand_SameAsFromTheWholeTree(string line)
    {
        var args = line.Split(' ');
        var whole = await HelpAsync(ParlerCli.Build(Host(TextWriter.Null, TextWriter.Null)), args);
        var alone = await HelpAsync(ParlerCli.Build(Host(TextWriter.Null, TextWriter.Null), ParlerCli.Named(args)), args);

        alone.ShouldBe(whole);
        alone.ShouldContain("Usage:");
        alone.ShouldNotContain("\u0001");
    }

    [Fact]
    public async Task Help_CommandOfAnAction_ShowsTheActionsSummary()
    {
        var help = await HelpAsync(ParlerCli.Build(Host(TextWriter.Null, TextWriter.Null), "send"), ["send", "--help"]);

        help.ShouldContain(Parler.Contract.ActionCatalog.CreateDefault()["messages.post"].Summary);
    }

    private static async Task<string> HelpAsync(RootCommand root, string[] args)
    {
        var output = new StringWriter();
        (await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = TextWriter.Null })).ShouldBe(0);
        return output.ToString();
    }
}
