using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parler.Core.Json;
using Shouldly;

namespace Parler.Core.Tests.Json;

/// <summary>
/// The token-by-token canonical form of UTF-8 JSON (what facts are written and hashed with) against the JsonNode form
/// (what they were written with before): on the RFC's samples and on many generated documents, in every spelling
/// System.Text.Json may give them, both must give the same bytes.
/// </summary>
public sealed class CanonicalizeUtf8Tests
{
    private static readonly string[] Words =
    [
        "", "a", "plain words", "q\"b\\s/", "\b\t\n\f\r", "\u0000\u0001\u001f\u007f", "é", "\u2028\u2029", "😀", "<>&'+`",
        "日本語", "\ufb33\u20ac", "don't", "line\r\nbreak",
    ];

    [Fact]
    public void Canonicalize_Rfc8785Sample_MatchesSpecOutput()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        Text(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(input))).ShouldBe(
            """{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""");
    }

    [Theory]
    [InlineData("-0", "0")]
    [InlineData("100", "100")]
    [InlineData("-123456789012345", "-123456789012345")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("1E30", "1e+30")]
    [InlineData("1.0", "1")]
    public void Canonicalize_Number_UsesEcmaScriptForm(string literal, string expected)
    {
        Text(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(literal))).ShouldBe(expected);
    }

    [Fact]
    public void Canonicalize_CanonicalText_ComesBackByteForByte()
    {
        var canonical = Encoding.UTF8.GetBytes("""{"a":{"c":[[2]],"d":1},"b":[{"a":[true,{"x":"é😀","y":null}],"z":1},[],{}]}""");

        CanonicalJson.Canonicalize(canonical).ShouldBe(canonical);
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""{"b":{"x":1,"x":2}}""")]
    public void Canonicalize_RepeatedName_Throws(string json)
    {
        Should.Throw<ArgumentException>(() => CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("\"a\\ud800b\"")]
    [InlineData("\"\\udc00\"")]
    [InlineData("{\"\\ud83d\":1}")]
    public void Canonicalize_LoneSurrogate_Throws(string json)
    {
        Should.Throw<Exception>(() => CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{} {}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1e400]")]
    public void Canonicalize_NotOneJsonValue_Throws(string json)
    {
        Should.Throw<Exception>(() => CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Canonicalize_GeneratedDocuments_AgreeWithTheNodeFormInEverySpelling()
    {
        var random = new Random(8785);
        var relaxed = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var indented = new JsonSerializerOptions { WriteIndented = true };
        for (var i = 0; i < 2_000; i++)
        {
            var node = Generate(random, depth: 0);
            var expected = CanonicalJson.SerializeToString(node);
            foreach (var spelling in new[] { node.ToJsonString(), node.ToJsonString(relaxed), node.ToJsonString(indented), expected })
            {
                Text(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(spelling))).ShouldBe(expected, spelling);
            }
        }
    }

    private static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);

    private static JsonNode Generate(Random random, int depth)
    {
        switch (depth < 3 ? random.Next(7) : random.Next(4))
        {
            case 0:
                return JsonValue.Create(Words[random.Next(Words.Length)] + Words[random.Next(Words.Length)]);
            case 1:
                return JsonValue.Create(random.Next(4) switch
                {
                    0 => random.NextInt64(-1_000_000, 1_000_000),
                    1 => random.NextInt64(long.MinValue, long.MaxValue),
                    2 => random.NextInt64(-(1L << 53), 1L << 53),
                    _ => 0L,
                });
            case 2:
                return JsonValue.Create(random.Next(2) == 0 ? random.NextDouble() * Math.Pow(10, random.Next(-30, 30)) : random.Next(-5, 5) / 4.0);
            case 3:
                return JsonValue.Create(random.Next(2) == 0);
            case 4:
            case 5:
                var obj = new JsonObject();
                for (var n = random.Next(6); n > 0; n--)
                {
                    obj[Words[random.Next(Words.Length)] + random.Next(3)] = random.Next(8) == 0 ? null : Generate(random, depth + 1);
                }

                return obj;
            default:
                var array = new JsonArray();
                for (var n = random.Next(5); n > 0; n--)
                {
                    array.Add(random.Next(8) == 0 ? null : Generate(random, depth + 1));
                }

                return array;
        }
    }
}
