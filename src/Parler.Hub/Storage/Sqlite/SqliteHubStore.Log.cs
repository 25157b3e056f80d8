using Microsoft.Extensions.Logging;

namespace Parler.Hub.Storage.Sqlite;

internal sealed partial class SqliteHubStore
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "The writer's connection could not roll back a failed batch ({Reason}); it was replaced.")]
        public static partial void WriterReopened(ILogger logger, string reason);

        [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "A committed batch could not be announced in full; its writers keep their answers.")]
        public static partial void AnnounceFailed(ILogger logger, Exception exception);
    }
}
