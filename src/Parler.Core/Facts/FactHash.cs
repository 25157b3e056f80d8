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
        // One text for the members around the data: those before it, then from ",\"prev\"" on.
        var envelope = new StringBuilder(400);
        envelope.Append("{\"actor\":");
        CanonicalJson.AppendString(envelope, actor);
        envelope.Append(",\"at\":");
        CanonicalJson.AppendInteger(envelope, at);
        envelope.Append(",\"authority\":");
        CanonicalJson.AppendString(envelope, authority);
        envelope.Append(",\"data\":");
        var dataAt = envelope.Length;
        envelope.Append(",\"prev\":");
        CanonicalJson.AppendString(envelope, prev);
        envelope.Append(",\"principal\":");
        CanonicalJson.AppendString(envelope, principal);
        envelope.Append(",\"seq\":");
        CanonicalJson.AppendInteger(envelope, seq);
        envelope.Append(",\"stream\":");
        CanonicalJson.AppendString(envelope, stream);
        envelope.Append(",\"type\":");
        CanonicalJson.AppendString(envelope, type);
        envelope.Append('}');

        var text = envelope.ToString();
        var buffer = ArrayPool<byte>.Shared.Rent(CanonicalJson.MaxByteCount(text.Length) + canonicalData.Length);
        try
        {
            var length = CanonicalJson.WriteBytes(text.AsSpan(0, dataAt), buffer);
            canonicalData.CopyTo(buffer.AsSpan(length));
            length += canonicalData.Length;
            length += CanonicalJson.WriteBytes(text.AsSpan(dataAt), buffer.AsSpan(length));
            return Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
