using System.Buffers;
using System.Security.Cryptography;
using System.Text;
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
        string stream, long seq, string type, long at, string actor, string principal, string authority, JsonObject data, string prev) =>
        Compute(stream, seq, type, at, actor, principal, authority, CanonicalJson.Serialize(data), prev);

    /// <summary>The hash of a fact whose data is <paramref name="data"/>, over the data's canonical form.</summary>
    public static string Compute(
        string stream, long seq, string type, long at, string actor, string principal, string authority, FactJson data, string prev) =>
        Compute(stream, seq, type, at, actor, principal, authority, data.Canonical(), prev);

    /// <summary>
    /// The hash over the canonical envelope, written member by member in JCS order around <paramref name="canonicalData"/>
    /// (the data's canonical JSON, UTF-8, as the hub computes it once per fact and stores it as it is).
    /// </summary>
    public static string Compute(
        string stream, long seq, string type, long at, string actor, string principal, string authority, ReadOnlySpan<byte> canonicalData, string prev)
    {
        var before = new StringBuilder(200);
        before.Append("{\"actor\":");
        CanonicalJson.AppendString(before, actor);
        before.Append(",\"at\":");
        CanonicalJson.AppendInteger(before, at);
        before.Append(",\"authority\":");
        CanonicalJson.AppendString(before, authority);
        before.Append(",\"data\":");
        var after = new StringBuilder(200);
        after.Append(",\"prev\":");
        CanonicalJson.AppendString(after, prev);
        after.Append(",\"principal\":");
        CanonicalJson.AppendString(after, principal);
        after.Append(",\"seq\":");
        CanonicalJson.AppendInteger(after, seq);
        after.Append(",\"stream\":");
        CanonicalJson.AppendString(after, stream);
        after.Append(",\"type\":");
        CanonicalJson.AppendString(after, type);
        after.Append('}');

        var head = CanonicalJson.Bytes(before.ToString());
        var tail = CanonicalJson.Bytes(after.ToString());
        var envelope = ArrayPool<byte>.Shared.Rent(head.Length + canonicalData.Length + tail.Length);
        try
        {
            head.CopyTo(envelope, 0);
            canonicalData.CopyTo(envelope.AsSpan(head.Length));
            tail.CopyTo(envelope, head.Length + canonicalData.Length);
            return Convert.ToHexStringLower(SHA256.HashData(envelope.AsSpan(0, head.Length + canonicalData.Length + tail.Length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(envelope);
        }
    }
}
