using Parler.Hub.Actions;
using Parler.Hub.Errors;

namespace Parler.Hub.Features.Blobs;

/// <summary>
/// Sharing a blob into a room, decided with no I/O: an active member's signed post whose nonce the room does not hold yet
/// is posted. Whether the blob exists, who may share it and its size are checked before the writer (<see cref="BlobActions"/>).
/// </summary>
internal static class BlobDecider
{
    public static Decision<BundlePosted> Bundle(ShareState state, PostBundle command) =>
        Refused(state, command.Author) is { } refusal
            ? new(null, refusal)
            : Decision<BundlePosted>.Append(new BundlePosted(
                command.Ref, command.Tip, command.Size, command.Hash, command.Nonce, command.Base, command.Note, command.Signature));

    public static Decision<FilePosted> File(ShareState state, PostFile command) =>
        Refused(state, command.Author) is { } refusal
            ? new(null, refusal)
            : Decision<FilePosted>.Append(new FilePosted(
                command.Name, command.MediaType, command.Size, command.Hash, command.Nonce, command.Note, command.Signature));

    private static Refusal? Refused(ShareState state, string author) =>
        state.Room.ActiveMember(author) is null ? new Refusal(ErrorCodes.RoomNotFound, RoomAccess.NotFoundDetail)
        : state.NonceSeen ? SignedPost.Replayed
        : null;
}
