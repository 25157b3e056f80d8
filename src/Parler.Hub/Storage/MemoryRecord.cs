namespace Parler.Hub.Storage;

/// <summary>
/// One current memory: its scope (the stream it was remembered in: a room id, or an agent id for private memory),
/// its key when it is the scope's current value for that key, who remembered it, when, at which seq, and the text.
/// </summary>
internal sealed record MemoryRecord(string Scope, string? Key, string Author, long At, long Seq, string Text);
