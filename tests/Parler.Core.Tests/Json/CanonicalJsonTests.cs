using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parler.Core.Json;
using Shouldly;

namespace Parler.Core.Tests.Json;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Serialize_Rfc8785SampleObject_MatchesSpecOutput()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        const string expected =
            """{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""";

        CanonicalJson.SerializeToString(JsonNode.Parse(input)).ShouldBe(expected);
        using var document = JsonDocument.Parse(input);
        Encoding.UTF8.GetString(CanonicalJson.Serialize(document.RootElement)).ShouldBe(expected);
        CanonicalJson.Serialize(JsonNode.Parse(input)).ShouldBe(Encoding.UTF8.GetBytes(expected));
    }

    [Fact]
    public void Serialize_Rfc8785SortingExample_OrdersByUtf16CodeUnits()
    {
        var node = new JsonObject
        {
            ["\u20ac"] = "Euro Sign",
            ["\r"] = "Carriage Return",
            ["\ufb33"] = "Hebrew Letter Dalet With Dagesh",
            ["1"] = "One",
            ["\ud83d\ude00"] = "Emoji: Grinning Face",
            ["\u0080"] = "Control",
            ["\u00f6"] = "Latin Small Letter O With Diaeresis",
        };

        var keys = JsonNode.Parse(CanonicalJson.SerializeToString(node))!.AsObject().Select(p => p.Key).ToArray();

        keys.ShouldBe(["\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33"]);
        CanonicalJson.SerializeToString(node).ShouldStartWith("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\"");
    }

    [Theory]
    [InlineData("333333333.33333329", "333333333.3333333")]
    [InlineData("1e30", "1e+30")]
    [InlineData("1E30", "1e+30")]
    [InlineData("4.50", "4.5")]
    [InlineData("0.002", "0.002")]
    [InlineData("2e-3", "0.002")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("9007199254740992", "9007199254740992")]
    [InlineData("-0.0", "0")]
    [InlineData("-0", "0")]
    [InlineData("1.0", "1")]
    [InlineData("100", "100")]
    [InlineData("1e21", "1e+21")]
    [InlineData("123456789012345680000", "123456789012345680000")]
    [InlineData("-1.5e-10", "-1.5e-10")]
    [InlineData("12345.678e3", "12345678")]
    public void Serialize_NumberLiteral_UsesEcmaScriptForm(string literal, string expected)
    {
        CanonicalJson.SerializeToString(JsonNode.Parse(literal)).ShouldBe(expected);
        using var document = JsonDocument.Parse(literal);
        Encoding.UTF8.GetString(CanonicalJson.Serialize(document.RootElement)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696UL, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")]
    public void Serialize_Rfc8785NumberVector_MatchesSpec(ulong bits, string expected)
    {
        var value = BitConverter.UInt64BitsToDouble(bits);

        CanonicalJson.SerializeToString(JsonValue.Create(value)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Serialize_NonFiniteDouble_Throws(double value)
    {
        Should.Throw<ArgumentException>(() => CanonicalJson.SerializeToString(JsonValue.Create(value)));
        Should.Throw<ArgumentException>(() => CanonicalJson.SerializeToString(JsonValue.Create((float)value)));
    }

    [Fact]
    public void Serialize_NumberBeyondDoubleRangeInElement_Throws()
    {
        using var document = JsonDocument.Parse("[1e400]");

        Should.Throw<ArgumentException>(() => CanonicalJson.Serialize(document.RootElement));
    }

    [Fact]
    public void Serialize_ClrNumericTypes_GoThroughDouble()
    {
        var node = new JsonArray(
            JsonValue.Create(42),
            JsonValue.Create(-7L),
            JsonValue.Create(long.MaxValue),
            JsonValue.Create(9007199254740993L),
            JsonValue.Create(1.50m),
            JsonValue.Create(79228162514264337593543950335m),
            JsonValue.Create(0.1f),
            JsonValue.Create((byte)3),
            JsonValue.Create(18446744073709551615UL));

        CanonicalJson.SerializeToString(node).ShouldBe(
            "[42,-7,9223372036854776000,9007199254740992,1.5,7.922816251426434e+28,0.10000000149011612,3,18446744073709552000]");
    }

    [Fact]
    public void Serialize_StringEscapes_OnlyWhatJcsRequires()
    {
        var text = "q\"b\\s/ \b\t\n\f\r\u0000\u0001\u001f\u007f é \u2028\u2029 😀 <>&'";

        CanonicalJson.SerializeToString(JsonValue.Create(text)).ShouldBe(
            "\"q\\\"b\\\\s/ \\b\\t\\n\\f\\r\\u0000\\u0001\\u001f\u007f é \u2028\u2029 😀 <>&'\"");
    }

    [Fact]
    public void Serialize_NonAscii_IsLiteralUtf8()
    {
        CanonicalJson.Serialize(JsonValue.Create("é\u2028")).ShouldBe(new byte[] { 0x22, 0xC3, 0xA9, 0xE2, 0x80, 0xA8, 0x22 });
    }

    [Fact]
    public void Serialize_LoneSurrogate_Throws()
    {
        Should.Throw<ArgumentException>(() => CanonicalJson.SerializeToString(JsonValue.Create("a\ud800b")));
        Should.Throw<ArgumentException>(() => CanonicalJson.SerializeToString(JsonValue.Create("\udc00")));
        Should.Throw<ArgumentException>(() => CanonicalJson.SerializeToString(new JsonObject { ["\ud83d"] = 1 }));
    }

    [Fact]
    public void Serialize_NestedStructures_SortsEveryLevelWithoutWhitespace()
    {
        var node = JsonNode.Parse("""
            { "b": [ { "z": 1, "a": [ true, { "y": null, "x": "s" } ] }, [], {} ], "a": { "d": 1.0, "c": [ [ 2 ] ] } }
            """);

        CanonicalJson.SerializeToString(node).ShouldBe("""{"a":{"c":[[2]],"d":1},"b":[{"a":[true,{"x":"s","y":null}],"z":1},[],{}]}""");
    }

    [Fact]
    public void Serialize_NullNodeAndNullMembers_WriteNull()
    {
        CanonicalJson.SerializeToString(null).ShouldBe("null");
        CanonicalJson.SerializeToString(new JsonObject { ["a"] = null, ["b"] = new JsonArray(null, 1) }).ShouldBe("""{"a":null,"b":[null,1]}""");
    }

    [Fact]
    public void Serialize_DuplicateNamesInElement_Throws()
    {
        using var document = JsonDocument.Parse("""{"a":1,"b":{"x":1,"x":2}}""");

        Should.Throw<ArgumentException>(() => CanonicalJson.Serialize(document.RootElement));
    }

    [Fact]
    public void Serialize_MixedNodeAndParsedValues_AgreeWithElementForm()
    {
        var parsed = JsonNode.Parse("""{"n":[1e2,"é"],"t":true}""")!.AsObject();
        parsed["added"] = new JsonObject { ["k"] = 0.5, ["when"] = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero) };
        using var document = JsonDocument.Parse(parsed.ToJsonString());

        var fromNode = CanonicalJson.SerializeToString(parsed);

        fromNode.ShouldBe("""{"added":{"k":0.5,"when":"2024-01-02T03:04:05+00:00"},"n":[100,"é"],"t":true}""");
        Encoding.UTF8.GetString(CanonicalJson.Serialize(document.RootElement)).ShouldBe(fromNode);
    }
}
