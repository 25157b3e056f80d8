using Microsoft.Extensions.Logging;

namespace Parler.Hub.Storage.Postgres;

internal sealed partial class PostgresHubStore
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 111, Level = LogLevel.Debug, Message = "A write batch of {Count} writes conflicted with another writer (attempt {Attempt}, SQLSTATE {SqlState}); running it again.")]
        public static partial void BatchRetried(ILogger logger, int count, int attempt, string sqlState);

        [LoggerMessage(EventId = 115, Level = LogLevel.Warning, Message = "A committed batch could not be announced in full; its writers keep their answers.")]
        public static partial void AnnounceFailed(ILogger logger, Exception exception);
    }
}
