using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Parler.Core.Json;

namespace Parler.Core.Facts;

/// <summary>
/// The hash that chains each fact to its predecessor in the same stream. Anyone holding the facts can
/// recompute it, so a dropped, reordered or altered fact is visible to every member.
/// </summary>
internal static class FactHash
{
    /// <summary>The previous-hash of the first fact in a stream.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(
        string stream, long seq, string type, long at, string actor, string principal, string authority, JsonObject data, string prev)
    {
        var envelope = new JsonObject
        {
            ["stream"] = stream,
            ["seq"] = seq,
            ["type"] = type,
            ["at"] = at,
            ["actor"] = actor,
            ["principal"] = principal,
            ["authority"] = authority,
            ["data"] = data.DeepClone(),
            ["prev"] = prev,
        };
        return Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Serialize(envelope)));
    }
}
