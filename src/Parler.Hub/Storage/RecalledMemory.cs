namespace Parler.Hub.Storage;

/// <summary>A memory a recall found, with its author's current display name.</summary>
internal sealed record RecalledMemory(MemoryRecord Memory, string AuthorName);
