using Parler.Core.Facts;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Blobs;
using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Blobs;

/// <summary>Handing off real artefacts: streamed, content-addressed blobs, shared into a room as a git bundle or a file.</summary>
internal static class BlobActions
{
    public const int MaxNameChars = 255;

    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Streaming(BlobContract.Upload, (call, _, ct) => BlobTransfer.UploadAsync(call, ct));
        yield return ActionDefinition.Streaming(BlobContract.Download, (call, _, ct) => BlobTransfer.DownloadAsync(call, ct));
        yield return ActionDefinition.Writing(
            BlobContract.PostBundle,
            context.PostBundleRequest,
            context.SharedBlobResponse,
            (call, input, writer, ct) => AppendAsync(
                call, writer, input.Nonce!, input.Hash!,
                (state, author) => BlobDecider.Bundle(
                    state, new PostBundle(author, input.Ref!, input.Tip!, input.Size!.Value, input.Hash!, input.Nonce!, input.Base, input.Note, input.Signature)),
                ct),
            CheckBundleAsync);
        yield return ActionDefinition.Writing(
            BlobContract.PostFile,
            context.PostFileRequest,
            context.SharedBlobResponse,
            (call, input, writer, ct) => AppendAsync(
                call, writer, input.Nonce!, input.Hash!,
                (state, author) => BlobDecider.File(
                    state, new PostFile(author, input.Name!, MediaType(input.MediaType), input.Size!.Value, input.Hash!, input.Nonce!, input.Note, input.Signature)),
                ct),
            CheckFileAsync);
        yield return ActionDefinition.Reading(BlobContract.ListFiles, context.FileListRequest, context.FileListResponse, FileList.ListAsync);
    }

    /// <summary>Every check of a bundle share, before the writer: fields, who may share the blob, its size, the signature.</summary>
    private static async Task CheckBundleAsync(ActionCall call, PostBundleRequest input, CancellationToken ct)
    {
        var reference = Line(input.Ref, "ref", "refs/heads/feature", MaxNameChars);
        var tip = Validate.Required(input.Tip, "tip", "the 40-character commit id");
        if (tip.Length is not (40 or 64) || !tip.All(char.IsAsciiHexDigitLower))
        {
            throw new HubException(ErrorCodes.ValidationFailed, "'tip' is the full commit id in lowercase hex (40 characters, or 64 for SHA-256 repositories).");
        }

        var baseRef = input.Base is null ? null : Line(input.Base, "base", "origin/main", MaxNameChars);
        var (size, hash) = await ShareableAsync(call, input.Size, input.Hash, input.Note, ct);
        SignedPost.Check(
            call, BlobBody.BundleKind, BlobBody.Bundle(reference, tip, baseRef, input.Note, size, hash), input.Nonce, input.Signature, signatureRequired: true,
            $"sign a message of kind '{BlobBody.BundleKind}' whose body is the RFC 8785 form of the fields.");
    }

    private static async Task CheckFileAsync(ActionCall call, PostFileRequest input, CancellationToken ct)
    {
        var name = Line(input.Name, "name", "design.pdf", MaxNameChars);
        var mediaType = MediaType(input.MediaType);
        var (size, hash) = await ShareableAsync(call, input.Size, input.Hash, input.Note, ct);
        SignedPost.Check(
            call, BlobBody.FileKind, BlobBody.File(name, mediaType, input.Note, size, hash), input.Nonce, input.Signature, signatureRequired: true,
            $"sign a message of kind '{BlobBody.FileKind}' whose body is the RFC 8785 form of the fields.");
    }

    private static string MediaType(string? mediaType) =>
        mediaType is null ? "application/octet-stream" : Line(mediaType, "media_type", "application/pdf", 127);

    /// <summary>
    /// A blob may be shared by the agent that uploaded those bytes, or by one that reads a room it was shared into (through
    /// this token's room, for a room token). To anyone else every blob looks the same as a missing one: one answer, no size.
    /// </summary>
    private static async Task<(long Size, string Hash)> ShareableAsync(ActionCall call, long? size, string? hash, string? note, CancellationToken ct)
    {
        if (!BlobBody.IsHash(hash))
        {
            throw new HubException(ErrorCodes.ValidationFailed, "'hash' is the uploaded blob's SHA-256 in lowercase hex (64 characters), as blobs.upload answered.");
        }

        if (note is not null && note.Length > call.Services.Options.MaxMessageChars)
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"'note' is over {call.Services.Options.MaxMessageChars} characters; shorten it.");
        }

        var caller = call.RequireCaller();
        var store = call.Services.Store;
        var readable = await store.HasUploadedAsync(caller.AgentId, hash!, ct)
            || await store.FindBlobPostingAsync(caller.AgentId, hash!, caller.Token.Room, ct) is not null;
        var stored = readable ? await call.Services.Blobs.SizeOfAsync(hash!, ct) : null;
        if (stored is null)
        {
            throw new HubException(
                ErrorCodes.NotFound,
                $"You have no blob {hash} to share. Upload it first (blobs.upload), or share one from a room you read.");
        }

        return stored == size
            ? (stored.Value, hash!)
            : throw new HubException(ErrorCodes.ValidationFailed, $"'size' is {stored} for blob {hash}, not {size}.");
    }

    /// <summary>Inside the writer: the room reloaded, the post charged to the quotas, the nonce looked up, then decided and appended.</summary>
    private static async Task<SharedBlobResponse> AppendAsync<TFact>(
        ActionCall call, IStoreWriter writer, string nonce, string hash, Func<ShareState, string, Decision<TFact>> decide, CancellationToken ct)
        where TFact : class, IFact<TFact>
    {
        var caller = call.RequireCaller();
        var room = await call.ReloadRoomAsync(writer, ct);
        await SignedPost.ChargeAsync(call, writer, room.Id, ct);
        var state = new ShareState(room.State, await writer.NonceSeenAsync(room.Id, nonce, ct));
        var fact = await writer.AppendAsync(room.Id, caller.Draft(decide(state, caller.AgentId).Unwrap()!), ct);
        return new SharedBlobResponse(room.Id, fact.Seq, fact.Hash, hash, DateTimeOffset.FromUnixTimeMilliseconds(fact.At));
    }

    private static string Line(string? value, string field, string example, int max) => Validate.Line(value, field, example, max);
}
