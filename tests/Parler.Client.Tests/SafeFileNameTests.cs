using Parler.Client.Blobs;
using Shouldly;

namespace Parler.Client.Tests;

public sealed class SafeFileNameTests
{
    [Theory]
    [InlineData("design.pdf", "design.pdf")]
    [InlineData("../../x", "x")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("C:\\x", "x")]
    [InlineData("C:x", "x")]
    [InlineData("..\\..\\Windows\\win.ini", "win.ini")]
    [InlineData("..", "download")]
    [InlineData("", "download")]
    [InlineData(null, "download")]
    [InlineData("a/b/", "download")]
    [InlineData(".bashrc", "bashrc")]
    [InlineData("bad\u0007\u202Ename.txt", "badname.txt")]
    [InlineData("con.txt", "_con.txt")]
    [InlineData("what?*.txt", "what.txt")]
    public void From_PeerName_IsAPlainFileName(string? peer, string expected)
    {
        var name = SafeFileName.From(peer);

        name.ShouldBe(expected);
        Path.GetFileName(name).ShouldBe(name);
        Path.GetFullPath(Path.Combine("/tmp/out", name)).ShouldStartWith("/tmp/out/");
    }

    [Fact]
    public void From_VeryLongName_KeepsItsExtensionWithinTheLimit()
    {
        var name = SafeFileName.From(new string('a', 500) + ".tar.gz");

        name.Length.ShouldBeLessThanOrEqualTo(200);
        name.ShouldEndWith(".gz");
    }
}
