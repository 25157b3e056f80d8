using System.Security.Cryptography;
using System.Text;
using Shouldly;

namespace Parler.Client.Tests;

/// <summary>The retry nonce is hashed through libsodium (no OpenSSL in a one-shot send); it must stay the same SHA-256.</summary>
public sealed class NonceTests
{
    [Fact]
    public void NonceFor_AKey_IsTheFirstHalfOfItsSha256()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("parler-nonce\nkey-1")))[..32];

        HubClient.NonceFor("key-1").ShouldBe(expected);
    }

    [Fact]
    public void NewNonce_TwoCalls_DifferAndAre32HexDigits()
    {
        var first = HubClient.NewNonce();

        first.ShouldMatch("^[0-9a-f]{32}$");
        HubClient.NewNonce().ShouldNotBe(first);
    }
}
