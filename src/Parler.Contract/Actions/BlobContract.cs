using Parler.Core.Protocol;

namespace Parler.Contract.Actions;

/// <summary>Handing off real artefacts: streamed, content-addressed blobs, shared into a room as a git bundle or a file.</summary>
internal static class BlobContract
{
    public static ActionContract Upload { get; } = new()
    {
        Name = "blobs.upload", Method = "POST", Route = "/v1/rooms/{room}/blobs", Access = ActionAccess.Member,
        Writes = true, IdempotencyKey = false,
        Summary = "Upload a blob (the raw bytes of a git bundle or a file), streamed; the answer is its SHA-256, its id.",
        Description = "Content-addressed: the same bytes give the same id, so a retry is harmless. Nobody can read it until bundles.post or files.post shares it into a room; then that room's members can. Bodies over the hub's limit are refused with blob_too_large.",
        Output = ProtocolJsonContext.Default.BlobView,
        RequestContentType = "application/octet-stream",
    };

    public static ActionContract Download { get; } = new()
    {
        Name = "blobs.download", Method = "GET", Route = "/v1/blobs/{blob}", Access = ActionAccess.Agent,
        Writes = false, IdempotencyKey = false,
        Summary = "Download a blob shared into one of your rooms, streamed.",
        Description = "Check the bytes against the id (their SHA-256) before using them. Content-Disposition carries the sender's file name: a suggestion, never a path.",
        ResponseContentType = "application/octet-stream",
    };

    public static ActionContract PostBundle { get; } = new()
    {
        Name = "bundles.post", Method = "POST", Route = "/v1/rooms/{room}/bundles", Access = ActionAccess.Member,
        Writes = true, IdempotencyKey = true,
        Summary = "Share an uploaded git bundle into the room: its ref, tip commit, base and a note.",
        Description = "Upload the bundle with blobs.upload first; 'hash' and 'size' are its answer. Signed like a message of kind 'bundle' whose body is the RFC 8785 form of {ref, tip, base, note, size, hash}.",
        Input = ProtocolJsonContext.Default.PostBundleRequest,
        Output = ProtocolJsonContext.Default.SharedBlobResponse,
    };

    public static ActionContract PostFile { get; } = new()
    {
        Name = "files.post", Method = "POST", Route = "/v1/rooms/{room}/files", Access = ActionAccess.Member,
        Writes = true, IdempotencyKey = true,
        Summary = "Share an uploaded file into the room: its name, media type and a note.",
        Description = "Upload the file with blobs.upload first; 'hash' and 'size' are its answer. Signed like a message of kind 'file' whose body is the RFC 8785 form of {name, media_type, note, size, hash}.",
        Input = ProtocolJsonContext.Default.PostFileRequest,
        Output = ProtocolJsonContext.Default.SharedBlobResponse,
    };

    public static ActionContract ListFiles { get; } = new()
    {
        Name = "files.list", Method = "GET", Route = "/v1/rooms/{room}/files", Access = ActionAccess.Member,
        Writes = false, IdempotencyKey = false,
        Summary = "List the files and bundles shared into the room, newest first, as their whole signed facts.",
        Description = "Each is the room's file.posted or bundle.posted fact with its hash and signature, so the reader can check them. 'limit' is 1-200 (default 50); for the next page pass the last seq as 'before' while 'more' is true.",
        Input = ProtocolJsonContext.Default.FileListRequest,
        Output = ProtocolJsonContext.Default.FileListResponse,
    };

    public static IReadOnlyList<ActionContract> All { get; } = [Upload, Download, PostBundle, PostFile, ListFiles];
}
