using Parler.Core.Identity;
using Shouldly;

namespace Parler.Core.Tests.Identity;

public sealed class ParlerHomeTests
{
    private const string UserHome = "/home/ada";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Resolve_NoEnvironmentValue_UsesDotParlerUnderUserHome(string? value)
    {
        ParlerHome.Resolve(value, UserHome).ShouldBe(Path.Combine(UserHome, ".parler"));
    }

    [Fact]
    public void Resolve_Tilde_IsUserHome()
    {
        ParlerHome.Resolve("~", UserHome).ShouldBe(UserHome);
    }

    [Fact]
    public void Resolve_TildeSlash_ExpandsUnderUserHome()
    {
        ParlerHome.Resolve("~/agents/one", UserHome).ShouldBe(Path.Combine(UserHome, "agents/one"));
        ParlerHome.Resolve("~/", UserHome).ShouldBe(Path.Combine(UserHome, string.Empty));
    }

    [Theory]
    [InlineData("/srv/parler")]
    [InlineData("relative/dir")]
    [InlineData("~bob/parler")]
    [InlineData("/tmp/~/x")]
    public void Resolve_OtherValues_AreUsedAsGiven(string value)
    {
        ParlerHome.Resolve(value, UserHome).ShouldBe(value);
    }

    [Fact]
    public void FromEnvironment_ReturnsAPath()
    {
        ParlerHome.FromEnvironment().ShouldNotBeNullOrWhiteSpace();
    }
}
