using Parler.Hub.Auth;
using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Auth;

public sealed class TokenServiceTests
{
    private static readonly HubMeta Meta = new("hub_a", new byte[32]);
    private static readonly HubMeta OtherHub = new("hub_b", Enumerable.Repeat((byte)7, 32).ToArray());

    [Fact]
    public void Challenge_FreshForSameAgent_IsLive()
    {
        var service = new TokenService(new FakeTime());
        var (challenge, _) = service.CreateChallenge(Meta, "pa_alice");

        service.IsLiveChallenge(Meta, "pa_alice", challenge).ShouldBeTrue();
    }

    [Fact]
    public void Challenge_ForAnotherAgentOrHub_IsRefused()
    {
        var service = new TokenService(new FakeTime());
        var (challenge, _) = service.CreateChallenge(Meta, "pa_alice");

        service.IsLiveChallenge(Meta, "pa_bob", challenge).ShouldBeFalse();
        service.IsLiveChallenge(OtherHub, "pa_alice", challenge).ShouldBeFalse();
    }

    [Fact]
    public void Challenge_AfterItsLifetime_IsRefused()
    {
        var time = new FakeTime();
        var service = new TokenService(time);
        var (challenge, _) = service.CreateChallenge(Meta, "pa_alice");

        time.Advance(TokenService.ChallengeLifetime + TimeSpan.FromSeconds(1));

        service.IsLiveChallenge(Meta, "pa_alice", challenge).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 !!")]
    [InlineData("AAAA")]
    public void Challenge_Garbage_IsRefused(string challenge) =>
        new TokenService(new FakeTime()).IsLiveChallenge(Meta, "pa_alice", challenge).ShouldBeFalse();

    [Fact]
    public void NewToken_HasPrefixAnd256Bits()
    {
        var token = TokenService.NewToken();

        token.ShouldStartWith(TokenService.TokenPrefix);
        token.Length.ShouldBe(TokenService.TokenPrefix.Length + 43);
        TokenService.NewToken().ShouldNotBe(token);
    }

    [Fact]
    public void LimitRule_Window_ResetsAtItsEndAndSaysHowLongUntilThen()
    {
        var rule = new Limits.LimitRule("t", 3, TimeSpan.FromMinutes(10), "tries", "wait");
        var now = new DateTimeOffset(2026, 1, 1, 12, 3, 30, TimeSpan.Zero).ToUnixTimeMilliseconds();

        rule.WindowStart(now).ShouldBe(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());
        rule.RetryAfter(now).ShouldBe(TimeSpan.FromSeconds(390));
        rule.WindowStart(now + (long)TimeSpan.FromMinutes(7).TotalMilliseconds).ShouldBeGreaterThan(rule.WindowStart(now));
    }
}
