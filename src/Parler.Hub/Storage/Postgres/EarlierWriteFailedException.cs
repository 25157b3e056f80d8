using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// A statement of an earlier write in the batch, sent in front of the current write's statements, failed: that write
/// (number <see cref="Write"/>) failed with <see cref="Exception.InnerException"/>, and nothing of the current write ran.
/// </summary>
internal sealed class EarlierWriteFailedException(int write, PostgresException inner)
    : Exception($"Write {write} of the batch failed: {inner.MessageText}", inner)
{
    public int Write { get; } = write;
}
