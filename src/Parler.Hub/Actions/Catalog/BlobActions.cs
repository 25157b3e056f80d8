using Parler.Core.Facts;
using Parler.Core.Protocol;
using Parler.Hub.Auth;
using Parler.Hub.Blobs;
using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.Actions.Catalog;

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
            PostBundleAsync);
        yield return ActionDefinition.Writing(
            BlobContract.PostFile,
            context.PostFileRequest,
            context.SharedBlobResponse,
            PostFileAsync);
    }

    private static async Task<SharedBlobResponse> PostBundleAsync(ActionCall call, PostBundleRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var reference = Line(input.Ref, "ref", "refs/heads/feature", MaxNameChars);
        var tip = Validate.Required(input.Tip, "tip", "the 40-character commit id");
        if (tip.Length is not (40 or 64) || !tip.All(char.IsAsciiHexDigitLower))
        {
            throw new HubException(ErrorCodes.ValidationFailed, "'tip' is the full commit id in lowercase hex (40 characters, or 64 for SHA-256 repositories).");
        }

        var baseRef = input.Base is null ? null : Line(input.Base, "base", "origin/main", MaxNameChars);
        var (size, hash, note) = await BlobAsync(call, input.Size, input.Hash, input.Note, ct);
        var body = BlobBody.Bundle(reference, tip, baseRef, note, size, hash);
        return await AppendAsync(
            call, writer, BlobBody.BundleKind, body, input.Nonce, input.Signature, hash,
            (caller, nonce) => caller.Draft(new BundlePosted(reference, tip, size, hash, nonce, baseRef, note, input.Signature)), ct);
    }

    private static async Task<SharedBlobResponse> PostFileAsync(ActionCall call, PostFileRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var name = Line(input.Name, "name", "design.pdf", MaxNameChars);
        var mediaType = input.MediaType is null ? "application/octet-stream" : Line(input.MediaType, "media_type", "application/pdf", 127);
        var (size, hash, note) = await BlobAsync(call, input.Size, input.Hash, input.Note, ct);
        var body = BlobBody.File(name, mediaType, note, size, hash);
        return await AppendAsync(
            call, writer, BlobBody.FileKind, body, input.Nonce, input.Signature, hash,
            (caller, nonce) => caller.Draft(new FilePosted(name, mediaType, size, hash, nonce, note, input.Signature)), ct);
    }

    private static async Task<(long Size, string Hash, string? Note)> BlobAsync(ActionCall call, long? size, string? hash, string? note, CancellationToken ct)
    {
        if (!BlobBody.IsHash(hash))
        {
            throw new HubException(ErrorCodes.ValidationFailed, "'hash' is the uploaded blob's SHA-256 in lowercase hex (64 characters), as blobs.upload answered.");
        }

        var stored = await call.Services.Blobs.SizeOfAsync(hash!, ct);
        if (stored is null || stored != size)
        {
            throw new HubException(
                ErrorCodes.ValidationFailed,
                stored is null ? $"This hub holds no blob {hash}. Upload it first: POST /v1/rooms/{{room}}/blobs." : $"'size' is {stored} for blob {hash}, not {size}.");
        }

        if (note is not null && note.Length > call.Services.Options.MaxMessageChars)
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"'note' is over {call.Services.Options.MaxMessageChars} characters; shorten it.");
        }

        return (stored.Value, hash!, note);
    }

    private static async Task<SharedBlobResponse> AppendAsync(
        ActionCall call, IStoreWriter writer, string kind, string body, string? nonce, string? signature, string hash,
        Func<Caller, string, FactDraft> posted, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var checkedNonce = Validate.Required(nonce, "nonce", "a random string of 8-128 characters");
        if (checkedNonce.Length is < 8 or > 128)
        {
            throw new HubException(ErrorCodes.ValidationFailed, "'nonce' must be 8-128 characters, random per post.");
        }

        var room = await call.ReloadRoomAsync(writer, ct);
        if (signature is not null && !MessageSignature.Verify(room.Id, caller.AgentId, kind, body, checkedNonce, signature))
        {
            throw new HubException(ErrorCodes.SignatureInvalid, $"The signature does not verify: sign a message of kind '{kind}' whose body is the RFC 8785 form of the fields.");
        }

        var fact = await writer.AppendAsync(room.Id, posted(caller, checkedNonce), ct);
        return new SharedBlobResponse(room.Id, fact.Seq, fact.Hash, hash, DateTimeOffset.FromUnixTimeMilliseconds(fact.At));
    }

    private static string Line(string? value, string field, string example, int max) => Validate.Line(value, field, example, max);
}
