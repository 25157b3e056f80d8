using System.Text;
using Parler.Core.Identity;
using Shouldly;

namespace Parler.Core.Tests.Identity;

public sealed class AgentKeyTests
{
    // RFC 8032 section 7.1, test 1.
    private const string Rfc8032Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string Rfc8032PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string Rfc8032Signature =
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    [Fact]
    public void FromSeed_Rfc8032Vector_ProducesSpecKeyAndSignature()
    {
        var key = AgentKey.FromSeed(Convert.FromHexString(Rfc8032Seed));

        Convert.ToHexStringLower(key.PublicKey.Span).ShouldBe(Rfc8032PublicKey);
        Convert.ToHexStringLower(key.Sign([])).ShouldBe(Rfc8032Signature);
        AgentKey.Verify(key.PublicKey.Span, [], Convert.FromHexString(Rfc8032Signature)).ShouldBeTrue();
        key.Id.ShouldBe(AgentId.FromPublicKey(Convert.FromHexString(Rfc8032PublicKey)));
    }

    [Fact]
    public void Generate_ThenExportSeed_RestoresTheSameKey()
    {
        var key = AgentKey.Generate();

        var restored = AgentKey.FromSeed(key.ExportSeed());

        key.ExportSeed().Length.ShouldBe(32);
        restored.Id.ShouldBe(key.Id);
        restored.PublicKey.ToArray().ShouldBe(key.PublicKey.ToArray());
        AgentKey.Generate().Id.ShouldNotBe(key.Id);
    }

    [Fact]
    public void SignAndVerify_RoundTrip_AndTamperingFails()
    {
        var key = AgentKey.Generate();
        var message = Encoding.UTF8.GetBytes("hello, room");

        var signature = key.Sign(message);

        signature.Length.ShouldBe(64);
        AgentKey.Verify(key.PublicKey.Span, message, signature).ShouldBeTrue();
        AgentKey.VerifyById(key.Id, message, signature).ShouldBeTrue();

        var otherMessage = Encoding.UTF8.GetBytes("hello, roon");
        AgentKey.Verify(key.PublicKey.Span, otherMessage, signature).ShouldBeFalse();
        var flipped = (byte[])signature.Clone();
        flipped[10] ^= 1;
        AgentKey.Verify(key.PublicKey.Span, message, flipped).ShouldBeFalse();
        AgentKey.VerifyById(AgentKey.Generate().Id, message, signature).ShouldBeFalse();
    }

    [Fact]
    public void Verify_BadLengthsOrGarbage_ReturnsFalseWithoutThrowing()
    {
        var key = AgentKey.Generate();
        var signature = key.Sign([1, 2, 3]);

        AgentKey.Verify(key.PublicKey.Span[..31], [1, 2, 3], signature).ShouldBeFalse();
        AgentKey.Verify(key.PublicKey.Span, [1, 2, 3], signature.AsSpan(0, 63)).ShouldBeFalse();
        AgentKey.Verify([], [1, 2, 3], []).ShouldBeFalse();
        AgentKey.Verify(Enumerable.Repeat((byte)0xFF, 32).ToArray(), [1, 2, 3], signature).ShouldBeFalse();
        AgentKey.Verify(key.PublicKey.Span, [1, 2, 3], Enumerable.Repeat((byte)0xFF, 64).ToArray()).ShouldBeFalse();
        AgentKey.VerifyById("pa-not-an-id", [1, 2, 3], signature).ShouldBeFalse();
        AgentKey.VerifyById(key.Id, [1, 2, 3], []).ShouldBeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void FromSeed_WrongLength_Throws(int length)
    {
        Should.Throw<ArgumentException>(() => AgentKey.FromSeed(new byte[length]));
    }
}
