using Parler.Core.Protocol;

namespace Parler.Client.Blobs;

/// <summary><c>send-file</c> and <c>fetch</c>: a file streamed up and shared into a room, and a shared file streamed down, verified.</summary>
internal static class FileHandoff
{
    public sealed record Sent(SharedBlobResponse Posted, string Name, string MediaType, long Size);

    /// <summary>Uploads <paramref name="content"/> and shares it as <paramref name="name"/>; a seekable stream states its length up front.</summary>
    public static async Task<Sent> SendAsync(
        HubClient client, string roomRef, Stream content, string name, string? note, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        var roomId = await client.ResolveRoomIdAsync(roomRef, cancellationToken);
        var blob = await client.UploadBlobAsync(roomId, content, cancellationToken);
        var mediaType = MediaTypes.Of(name);
        var posted = await client.PostFileAsync(roomId, name, mediaType, note, blob, cancellationToken, idempotencyKey);
        return new Sent(posted, name, mediaType, blob.Size);
    }

    /// <summary>Opens a file the caller named explicitly, with a clear error when it cannot be read.</summary>
    public static FileStream OpenToSend(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HandoffException($"Cannot read {path}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Downloads blob <paramref name="hash"/>: to <paramref name="output"/> when it names a file, inside it when it is a
    /// folder (or ends with a separator), else into <paramref name="folder"/>; a peer's name only ever becomes a safe file name.
    /// </summary>
    public static Task<(string Path, long Size)> FetchAsync(
        HubClient client, string hash, string? output, bool force, string folder, CancellationToken cancellationToken) =>
        client.DownloadBlobAsync(
            hash,
            suggested =>
            {
                var intoFolder = output is null || Directory.Exists(output) || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar);
                var target = !intoFolder ? output! : Path.Combine(output ?? folder, SafeFileName.From(suggested ?? hash[..12]));
                var parent = Path.GetDirectoryName(Path.GetFullPath(target))!;
                return Directory.Exists(parent) ? target : throw new HandoffException($"The folder {parent} does not exist; create it or pass another -o.");
            },
            force,
            cancellationToken);
}
