using Microsoft.Extensions.Logging;

namespace Parler.Hub.Storage.Sqlite;

internal sealed partial class SqliteHubStore
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "A write batch of {Count} writes failed to commit and was rolled back.")]
        public static partial void BatchFailed(ILogger logger, int count, Exception exception);
    }
}
