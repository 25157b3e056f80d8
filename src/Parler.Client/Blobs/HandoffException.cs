namespace Parler.Client.Blobs;

/// <summary>A bundle or file handoff refused on this side (no repository, empty range, hash mismatch, file exists); the message says what to do.</summary>
internal sealed class HandoffException(string message, Exception? inner = null) : Exception(message, inner);
