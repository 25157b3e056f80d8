namespace Parler.Hub.Live;

/// <summary>What a followed room last read: its head then, and its last facts up to it (replaced whole, never changed).</summary>
internal sealed record FeedTail(long Head, FeedEntry[] Entries);
