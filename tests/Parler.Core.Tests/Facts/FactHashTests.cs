using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Parler.Core.Facts;
using Parler.Core.Json;
using Shouldly;

namespace Parler.Core.Tests.Facts;

/// <summary>
/// The hub hashes a fact's envelope written member by member around the data's canonical text; every client checks it
/// by canonicalizing the whole envelope as one JSON object. Both must give the same hash for any fact.
/// </summary>
public sealed class FactHashTests
{
    public static TheoryData<string, long, long> Envelopes => new()
    {
        { "rm_plain", 1, 1_700_000_000_000 },
        { "ag_\"quoted\"\\slash\n\u0001 é 🎉", 9_007_199_254_740_993, -5 },
        { "", 0, long.MaxValue },
    };

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Compute_FromCanonicalData_EqualsTheWholeEnvelopeCanonicalized(string stream, long seq, long at)
    {
        var data = new JsonObject
        {
            ["z"] = "last", ["a"] = 1.5, ["body"] = "line\n\"quote\" \u2028 ü", ["n"] = 12345678901, ["list"] = new JsonArray(1, "x", null),
        };
        var envelope = new JsonObject
        {
            ["stream"] = stream, ["seq"] = seq, ["type"] = "message.posted", ["at"] = at, ["actor"] = "ag_\u00e9",
            ["principal"] = "ag_p", ["authority"] = "tok_1", ["data"] = data.DeepClone(), ["prev"] = FactHash.Genesis,
        };
        
        // Parsed back from text, so every number is canonicalized through its JSON spelling, as a client reading the fact does.
        var parsed = JsonNode.Parse(envelope.ToJsonString());
        var whole = Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Serialize(parsed)));

        FactHash.Compute(stream, seq, "message.posted", at, "ag_\u00e9", "ag_p", "tok_1", CanonicalJson.Serialize(data), FactHash.Genesis)
            .ShouldBe(whole);
        FactHash.Compute(stream, seq, "message.posted", at, "ag_\u00e9", "ag_p", "tok_1", data, FactHash.Genesis).ShouldBe(whole);
    }
}
