using Shouldly;

namespace Parler.Client.Tests;

public sealed class HubPinAndLocalHubTests
{
    [Fact]
    public void Of_UrlWithFingerprintFragment_ReadsThePinNormalised()
    {
        var hub = new Uri("https://10.0.0.5:7443#sha256=ab:cd:ef");
        HubPin.Of(hub).ShouldBe("ABCDEF");
        HubPin.WithoutPin(hub).ToString().ShouldBe("https://10.0.0.5:7443/");
        HubPin.Of(HubPin.WithPin(new Uri("https://h:1"), "0a0b")).ShouldBe("0A0B");
        HubPin.Of(new Uri("http://127.0.0.1:7070")).ShouldBeNull();
    }

    [Theory]
    [InlineData("http://127.0.0.1:7070", true)]
    [InlineData("http://localhost:7070", true)]
    [InlineData("https://127.0.0.1:7443", false)]
    [InlineData("http://10.1.2.3:7070", false)]
    public void IsLocal_OnlyPlainHttpOnLoopback(string hub, bool local) => LocalHub.IsLocal(new Uri(hub)).ShouldBe(local);

    [Fact]
    public void HomeFor_AgentWiredByConnect_IsTheParlerHomeAboveAgents()
    {
        LocalHub.HomeFor("/home/a/.parler/agents/cursor").ShouldBe("/home/a/.parler");
        LocalHub.HomeFor("/home/a/.parler/agents/cursor/").ShouldBe("/home/a/.parler");
        LocalHub.HomeFor("/home/a/.parler-bob").ShouldBeNull();
    }

    [Fact]
    public void JoinSecretFile_SecretsAreKeptPerHub()
    {
        var home = Directory.CreateTempSubdirectory("parler-secrets-").FullName;
        try
        {
            JoinSecretFile.Write(home, new Uri("https://10.0.0.5:7443#sha256=AB"), "one");
            JoinSecretFile.Write(home, new Uri("https://10.0.0.6:7443"), "two");

            JoinSecretFile.Read(home, new Uri("https://10.0.0.5:7443/")).ShouldBe("one");
            JoinSecretFile.Read(home, new Uri("https://10.0.0.6:7443#sha256=CD")).ShouldBe("two");
            JoinSecretFile.Read(home, new Uri("https://10.0.0.7:7443")).ShouldBeNull();
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
