using Microsoft.Extensions.Logging;

namespace Parler.Hub.Actions;

internal sealed partial class ActionPipeline
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 200, Level = LogLevel.Error, Message = "Action {Action} failed unexpectedly.")]
        public static partial void ActionFailed(ILogger logger, string action, Exception exception);
    }
}
