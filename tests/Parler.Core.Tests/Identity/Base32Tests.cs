using System.Text;
using Parler.Core.Identity;
using Shouldly;

namespace Parler.Core.Tests.Identity;

public sealed class Base32Tests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "my")]
    [InlineData("fo", "mzxq")]
    [InlineData("foo", "mzxw6")]
    [InlineData("foob", "mzxw6yq")]
    [InlineData("fooba", "mzxw6ytb")]
    [InlineData("foobar", "mzxw6ytboi")]
    public void EncodeAndDecode_Rfc4648Vectors_MatchWithoutPadding(string plain, string encoded)
    {
        Base32.Encode(Encoding.ASCII.GetBytes(plain)).ShouldBe(encoded);
        Base32.TryDecode(encoded, out var decoded).ShouldBeTrue();
        Encoding.ASCII.GetString(decoded).ShouldBe(plain);
        Base32.TryDecode(encoded.ToUpperInvariant(), out var upper).ShouldBeTrue();
        upper.ShouldBe(decoded);
    }

    [Fact]
    public void EncodeThenDecode_RandomBytes_RoundTrips()
    {
        var random = new Random(7);
        for (var length = 0; length < 64; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);

            Base32.TryDecode(Base32.Encode(data), out var decoded).ShouldBeTrue();
            decoded.ShouldBe(data);
        }
    }

    [Theory]
    [InlineData("m")]
    [InlineData("mzx")]
    [InlineData("mzxw6y")]
    [InlineData("mz=q")]
    [InlineData("mzx1")]
    [InlineData("mzx8")]
    [InlineData("my======")]
    [InlineData("mz")]
    [InlineData("mzxr")]
    public void TryDecode_InvalidOrNonCanonicalText_ReturnsFalse(string text)
    {
        Base32.TryDecode(text, out var data).ShouldBeFalse();
        data.ShouldBeEmpty();
    }
}
