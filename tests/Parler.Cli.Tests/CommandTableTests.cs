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
        var whole = new StringWriter();
        var configuration = new InvocationConfiguration { Output = whole, Error = TextWriter.Null };
        (await ParlerCli.Build(Host(TextWriter.Null, TextWriter.Null)).Parse(args).InvokeAsync(configuration)).ShouldBe(0);

        var alone = new StringWriter();
        (await ParlerCli.InvokeAsync(Host(alone, TextWriter.Null), args)).ShouldBe(0);

        alone.ToString().ShouldBe(whole.ToString());
        alone.ToString().ShouldNotBeEmpty();
    }
}
