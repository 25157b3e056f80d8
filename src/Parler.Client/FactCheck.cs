using Parler.Contract.Facts;
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
        (string Kind, string Body, string Nonce, string? Signature)? signed;
        switch (fact.Type)
        {
            case FactTypes.MessagePosted:
                signed = FactData.TryRead<MessagePosted>(fact.Data) is { } message ? (message.Kind, message.Body, message.Nonce, message.Signature) : null;
                break;
            case FactTypes.HandoffPosted:
                signed = FactData.TryRead<HandoffPosted>(fact.Data) is { } handoff
                    ? (HandoffBody.Kind, HandoffBody.Of(handoff.For, handoff.Summary, handoff.Next, handoff.Bundle), handoff.Nonce, handoff.Signature)
                    : null;
                break;
            case FactTypes.BundlePosted:
                signed = FactData.TryRead<BundlePosted>(fact.Data) is { } bundle
                    ? (BlobBody.BundleKind, BlobBody.Bundle(bundle.Ref, bundle.Tip, bundle.Base, bundle.Note, bundle.Size, bundle.Hash), bundle.Nonce, bundle.Signature)
                    : null;
                break;
            case FactTypes.FilePosted:
                signed = FactData.TryRead<FilePosted>(fact.Data) is { } file
                    ? (BlobBody.FileKind, BlobBody.File(file.Name, file.MediaType, file.Note, file.Size, file.Hash), file.Nonce, file.Signature)
                    : null;
                break;
            default:
                return MessageTrust.NotAMessage;
        }

        // A signed kind whose data does not fit its record was altered: no signature can vouch for it.
        if (signed is not { } fields)
        {
            return MessageTrust.BadSignature;
        }

        if (string.IsNullOrEmpty(fields.Signature))
        {
            return MessageTrust.Unsigned;
        }

        var verified = MessageSignature.Verify(fact.Stream, fact.Actor, fields.Kind, fields.Body, fields.Nonce, fields.Signature);
        return verified ? MessageTrust.Verified : MessageTrust.BadSignature;
    }
}

internal enum MessageTrust
{
    NotAMessage,
    Verified,
    Unsigned,
    BadSignature,
}
