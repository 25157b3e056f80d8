using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Features.Memory;

/// <summary>memory.remember (shared) or memory.remember_private: who keeps which note, under which key.</summary>
internal sealed record RememberNote(string Author, string Text, string? Key, bool Shared);

/// <summary>Where the note goes: the room as the writer holds it for a shared note, none for a private one.</summary>
internal sealed record RememberState(RoomState? Room);
