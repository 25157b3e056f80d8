using Parler.Core.Facts;
using Parler.Core.Protocol;

namespace Parler.Client;

/// <summary>What a reader can tell about a fact on its own: is the hash right, does it chain, is the message signed by its author.</summary>
internal sealed record FactCheck(bool HashValid, bool ChainValid, MessageTrust Trust)
{
    public bool Intact => HashValid && ChainValid;

    /// <summary>Checks a fact; <paramref name="previousHash"/> is the hash of the fact before it, when the reader has it.</summary>
    public static FactCheck Of(EventView fact, string? previousHash)
    {
        var hash = FactHash.Compute(fact.Stream, fact.Seq, fact.Type, fact.At, fact.Actor, fact.Principal, fact.Authority, fact.Data, fact.Prev);
        var chained = previousHash is null || fact.Prev == previousHash;
        return new FactCheck(hash == fact.Hash, chained, TrustOf(fact));
    }

    private static MessageTrust TrustOf(EventView fact)
    {
        var (kind, body) = fact.Type switch
        {
            "message.posted" => (Text(fact, "kind"), Text(fact, "body")),
            "handoff.posted" => (HandoffBody.Kind, HandoffBody.Of(Text(fact, "for"), Text(fact, "summary"), Text(fact, "next"), fact.Data["bundle"]?.GetValue<string>())),
            "bundle.posted" => (BlobBody.BundleKind, BlobBody.Bundle(
                Text(fact, "ref"), Text(fact, "tip"), fact.Data["base"]?.GetValue<string>(), fact.Data["note"]?.GetValue<string>(), Size(fact), Text(fact, "hash"))),
            "file.posted" => (BlobBody.FileKind, BlobBody.File(
                Text(fact, "name"), Text(fact, "media_type"), fact.Data["note"]?.GetValue<string>(), Size(fact), Text(fact, "hash"))),
            _ => (null, null),
        };
        if (kind is null || body is null)
        {
            return MessageTrust.NotAMessage;
        }

        var signature = fact.Data["signature"]?.GetValue<string>();
        if (string.IsNullOrEmpty(signature))
        {
            return MessageTrust.Unsigned;
        }

        var verified = MessageSignature.Verify(fact.Stream, fact.Actor, kind, body, Text(fact, "nonce"), signature);
        return verified ? MessageTrust.Verified : MessageTrust.BadSignature;
    }

    private static string Text(EventView fact, string name) => fact.Data[name]?.GetValue<string>() ?? "";

    private static long Size(EventView fact) => fact.Data["size"] is System.Text.Json.Nodes.JsonValue size && size.TryGetValue<long>(out var bytes) ? bytes : -1;
}

internal enum MessageTrust
{
    NotAMessage,
    Verified,
    Unsigned,
    BadSignature,
}
