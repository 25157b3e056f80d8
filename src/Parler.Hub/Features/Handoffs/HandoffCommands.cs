using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Features.Handoffs;

/// <summary>handoffs.post: who hands which task to whom ('for' as the author wrote it, trimmed), under a new handoff id, signed or not.</summary>
internal sealed record PostHandoff(
    string Author, string HandoffId, string For, string Summary, string Next, string Nonce, string? Bundle, string? Signature);

/// <summary>What the writer holds when a handoff is decided: the room as its facts leave it, and whether the nonce is taken.</summary>
internal sealed record HandoffPostState(RoomState Room, bool NonceSeen);

/// <summary>tasks.status: a report (accepted, working, done, failed) on one of the room's handoffs, with an optional note.</summary>
internal sealed record ReportTaskStatus(string HandoffId, string Status, string? Note);
