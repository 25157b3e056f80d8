using Parler.Core.Identity;
using Shouldly;

namespace Parler.Core.Tests.Identity;

public sealed class AgentIdTests
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    [Fact]
    public void FromPublicKey_ThenTryParse_RoundTrips()
    {
        var key = AgentKey.Generate();

        var id = AgentId.FromPublicKey(key.PublicKey.Span);

        id.Length.ShouldBe(60);
        id.ShouldStartWith("pa");
        id.ShouldBe(key.Id);
        id.All(c => c is 'p' or 'a' || Alphabet.Contains(c)).ShouldBeTrue();
        AgentId.TryParse(id, out var publicKey).ShouldBeTrue();
        publicKey.ShouldBe(key.PublicKey.ToArray());
        AgentId.IsValid(id).ShouldBeTrue();
    }

    [Fact]
    public void FromPublicKey_KnownKey_MatchesIndependentlyComputedId()
    {
        // Computed outside .NET: "pa" + base32(pk || sha256("parler-agent-id:" || pk)[..4]), lowercase, unpadded.
        var publicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

        var id = AgentId.FromPublicKey(publicKey);

        id.ShouldBe("pa25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkendvp6ezy");
        id[2..53].ShouldBe(Base32.Encode(publicKey)[..51]);
    }

    [Fact]
    public void FromPublicKey_WrongLength_Throws()
    {
        Should.Throw<ArgumentException>(() => AgentId.FromPublicKey(new byte[31]));
    }

    [Fact]
    public void TryParse_SingleCharacterSubstitutions_AreRejected()
    {
        var id = AgentKey.FromSeed(new byte[32]).Id;
        var random = new Random(20240601);
        var candidates = Alphabet + "018900-_ ".ToUpperInvariant();

        for (var i = 0; i < 200; i++)
        {
            var position = random.Next(id.Length);
            char replacement;
            do
            {
                replacement = candidates[random.Next(candidates.Length)];
            }
            while (char.ToLowerInvariant(replacement) == id[position]);

            var mutated = string.Concat(id.AsSpan(0, position), [replacement], id.AsSpan(position + 1));

            AgentId.IsValid(mutated).ShouldBeFalse($"substituting '{replacement}' at {position} was accepted: {mutated}");
        }
    }

    [Fact]
    public void TryParse_EverySubstitutionInTheBody_IsRejected()
    {
        var id = AgentKey.FromSeed(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()).Id;

        for (var position = 2; position < id.Length; position++)
        {
            foreach (var replacement in Alphabet.Where(c => c != id[position]))
            {
                var mutated = string.Concat(id.AsSpan(0, position), [replacement], id.AsSpan(position + 1));
                AgentId.IsValid(mutated).ShouldBeFalse($"substituting '{replacement}' at {position} was accepted");
            }
        }
    }

    [Fact]
    public void TryParse_UppercaseAndSurroundingWhitespace_Accepted()
    {
        var key = AgentKey.Generate();

        AgentId.TryParse("  " + key.Id.ToUpperInvariant() + "\n", out var publicKey).ShouldBeTrue();
        publicKey.ShouldBe(key.PublicKey.ToArray());
    }

    [Theory]
    [InlineData("pb")]
    [InlineData("ap")]
    [InlineData("")]
    public void TryParse_WrongPrefix_Rejected(string prefix)
    {
        var id = AgentKey.Generate().Id;

        AgentId.IsValid(prefix + id[2..]).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("pa")]
    [InlineData("not-an-id")]
    public void TryParse_Garbage_ReturnsFalse(string? text)
    {
        AgentId.TryParse(text, out var publicKey).ShouldBeFalse();
        publicKey.ShouldBeEmpty();
    }

    [Fact]
    public void TryParse_TruncatedOrExtended_ReturnsFalse()
    {
        var id = AgentKey.Generate().Id;

        AgentId.IsValid(id[..^1]).ShouldBeFalse();
        AgentId.IsValid(id + "a").ShouldBeFalse();
    }

    [Fact]
    public void Short_ReturnsFirstTwelveCharacters()
    {
        var id = AgentKey.Generate().Id;

        AgentId.Short(id).ShouldBe(id[..12]);
        AgentId.Short("pa12").ShouldBe("pa12");
    }
}
