using Microsoft.Extensions.Logging;

namespace Parler.Hub.Storage.Postgres;

internal sealed partial class PostgresHubStore
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 111, Level = LogLevel.Debug, Message = "A write batch of {Count} writes conflicted with another writer (attempt {Attempt}, SQLSTATE {SqlState}); running it again.")]
        public static partial void BatchRetried(ILogger logger, int count, int attempt, string sqlState);
    }
}
