using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Features.Blobs;

/// <summary>bundles.post: a git bundle (already uploaded, its size and signature checked before the writer) shared into a room.</summary>
internal sealed record PostBundle(
    string Author, string Ref, string Tip, long Size, string Hash, string Nonce, string? Base, string? Note, string? Signature);

/// <summary>files.post: a file (already uploaded, its size and signature checked before the writer) shared into a room.</summary>
internal sealed record PostFile(string Author, string Name, string MediaType, long Size, string Hash, string Nonce, string? Note, string? Signature);

/// <summary>What the writer holds when a blob is shared: the room as its facts leave it, and whether the nonce is taken.</summary>
internal sealed record ShareState(RoomState Room, bool NonceSeen);
