using System.Text.Json.Nodes;
using Parler.Core.Facts;
using Parler.Core.Identity;
using Shouldly;

namespace Parler.Core.Tests.Identity;

/// <summary>
/// Keys, signatures and signed messages produced by the library the project used before (Portable.BouncyCastle 1.8.10),
/// committed as a fixture: identities and records made then must mean the same now.
/// </summary>
public sealed class AgentKeyFixtureTests
{
    private const int SignatureBits = AgentKey.SignatureLength * 8;

    private static readonly JsonObject Fixture = JsonNode.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Identity", "Fixtures", "ed25519-portable-bouncycastle-1.8.10.json")))!.AsObject();

    public static TheoryData<int> Vectors => [.. Enumerable.Range(0, Fixture["vectors"]!.AsArray().Count)];

    public static TheoryData<int> Messages => [.. Enumerable.Range(0, Fixture["messages"]!.AsArray().Count)];

    [Theory]
    [MemberData(nameof(Vectors))]
    public void FromSeed_OldLibraryVector_SameKeyIdAndSignature(int index)
    {
        var vector = Fixture["vectors"]![index]!;
        var message = Convert.FromBase64String((string)vector["message"]!);

        var key = AgentKey.FromSeed(Convert.FromHexString((string)vector["seed"]!));

        Convert.ToHexStringLower(key.PublicKey.Span).ShouldBe((string)vector["public_key"]!);
        key.Id.ShouldBe((string)vector["agent_id"]!);
        Convert.ToHexStringLower(key.Sign(message)).ShouldBe((string)vector["signature"]!);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_OldLibrarySignature_AcceptedAndAnyFlippedBitRejected(int index)
    {
        var vector = Fixture["vectors"]![index]!;
        var message = Convert.FromBase64String((string)vector["message"]!);
        var signature = Convert.FromHexString((string)vector["signature"]!);
        var publicKey = Convert.FromHexString((string)vector["public_key"]!);

        AgentKey.Verify(publicKey, message, signature).ShouldBeTrue();
        AgentKey.VerifyById((string)vector["agent_id"]!, message, signature).ShouldBeTrue();
        for (var bit = index; bit < SignatureBits; bit += 37)
        {
            var flipped = (byte[])signature.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            AgentKey.Verify(publicKey, message, flipped).ShouldBeFalse($"bit {bit} of the signature flipped");
        }

        if (message.Length > 0)
        {
            var altered = (byte[])message.Clone();
            altered[^1] ^= 0x01;
            AgentKey.Verify(publicKey, altered, signature).ShouldBeFalse();
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void MessageSignature_OldLibraryPost_VerifiesAndResignsIdentically(int index)
    {
        var post = Fixture["messages"]![index]!;
        var (room, author, kind, body, nonce) =
            ((string)post["room"]!, (string)post["agent_id"]!, (string)post["kind"]!, (string)post["body"]!, (string)post["nonce"]!);
        var signature = (string)post["signature"]!;

        MessageSignature.Verify(room, author, kind, body, nonce, signature).ShouldBeTrue();
        MessageSignature.Verify(room, author, kind, body + ".", nonce, signature).ShouldBeFalse();
        var key = AgentKey.FromSeed(Convert.FromHexString((string)post["seed"]!));
        key.Id.ShouldBe(author);
        MessageSignature.Sign(key, room, kind, body, nonce).ShouldBe(signature);
    }
}
