namespace Parler.Hub.Live;

/// <summary>One committed fact as every SSE stream of its room sends it: rendered once, shared by all of them.</summary>
internal sealed record FeedEntry(long Seq, string Type, byte[] Event);
