using Parler.Cli.Commands;

namespace Parler.Cli.Tests;

public sealed class ViewerCommandsTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("90", 90)]
    [InlineData("30m", 1800)]
    [InlineData("1h", 3600)]
    [InlineData("7D", 604800)]
    public void ParseDuration_UnitSpelling_GivesSeconds(string text, int seconds) =>
        ViewerCommands.ParseDuration(text).ShouldBe(seconds);

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("0h")]
    [InlineData("-5m")]
    [InlineData("1w")]
    [InlineData("99999999d")]
    public void ParseDuration_NotADuration_IsNull(string text) =>
        ViewerCommands.ParseDuration(text).ShouldBeNull();
}
