using Microsoft.Extensions.Logging;

namespace Parler.Hub.Storage;

internal sealed partial class StoreHealth
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 120, Level = LogLevel.Warning, Message = "The record takes no writes ({Code}): {Reason}. Writes answer it until a commit succeeds again.")]
        public static partial void Degraded(ILogger logger, string code, string reason);

        [LoggerMessage(EventId = 121, Level = LogLevel.Information, Message = "The record takes writes again after {Milliseconds} ms.")]
        public static partial void Recovered(ILogger logger, long milliseconds);
    }
}
