using Microsoft.Extensions.Logging;

namespace Parler.Mcp.Live;

internal sealed partial class LiveWatcher
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Knock on room {Room} by {Agent}: asking the person")]
    private static partial void LogKnock(ILogger logger, string room, string agent);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Knock on room {Room} by {Agent}: {Answer}")]
    private static partial void LogAnswered(ILogger logger, string room, string agent, string answer);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Could not put a knock on room {Room} to the person: {Reason}")]
    private static partial void LogAskFailed(ILogger logger, string room, string reason);

    [LoggerMessage(EventId = 204, Level = LogLevel.Debug, Message = "Watching rooms failed this pass: {Reason}")]
    private static partial void LogPassFailed(ILogger logger, string reason);
}
