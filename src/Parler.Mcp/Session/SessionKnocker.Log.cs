using Microsoft.Extensions.Logging;

namespace Parler.Mcp.Session;

internal sealed partial class SessionKnocker
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Knocked on session room {Room}: {Status}")]
    private static partial void LogKnocked(ILogger logger, string room, string status);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Cannot reach the hub at {Hub} to knock; trying again in {Seconds}s")]
    private static partial void LogHubUnreachable(ILogger logger, string hub, double seconds);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "The session knock was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
