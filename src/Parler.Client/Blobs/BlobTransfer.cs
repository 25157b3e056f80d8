namespace Parler.Client.Blobs;

/// <summary>How far a blob's bytes have gone up or down: <paramref name="Total"/> when known, <paramref name="Finished"/> once at the end.</summary>
internal readonly record struct BlobTransfer(bool Upload, long Done, long? Total, bool Finished);
