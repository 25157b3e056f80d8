using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Features.Messages;

/// <summary>messages.post as the decider sees it: who posts what, with the nonce and signature already checked for shape.</summary>
internal sealed record PostMessage(string Author, string Kind, string Body, string Nonce, string? Signature);

/// <summary>What the writer holds when a post is decided: the room as its facts leave it, and whether the nonce is taken.</summary>
internal sealed record PostState(RoomState Room, bool NonceSeen);
