using Parler.Core.Protocol;
using Parler.Hub.Actions;

namespace Parler.Hub.Features.Blobs;

/// <summary>
/// files.list: the files and bundles shared into a room, newest first, as their whole facts, so the reader checks each
/// one's hash and signature itself (the console does, before it offers a download).
/// </summary>
internal static class FileList
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static async Task<FileListResponse> ListAsync(ActionCall call, FileListRequest input, CancellationToken ct)
    {
        var room = call.RequireRoom();
        var limit = Validate.Range(input.Limit, DefaultLimit, 1, MaxLimit, "limit");
        var before = input.Before ?? long.MaxValue;
        var facts = await call.Services.Store.ListRoomFilesAsync(room.Id, before, limit + 1, ct);
        // What was read committed before this check: a caller removed since then is refused, as messages.read does.
        await call.RecheckAccessAsync(ct);
        return new FileListResponse(room.Id, [.. facts.Take(limit).Select(f => f.ToView())], facts.Count > limit);
    }
}
