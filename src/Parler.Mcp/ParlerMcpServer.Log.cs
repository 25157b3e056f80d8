using Microsoft.Extensions.Logging;

namespace Parler.Mcp;

internal static partial class ParlerMcpServer
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "parler mcp serving on stdio; hub {Hub} (dialled in the background)")]
    private static partial void LogServing(ILogger logger, string hub);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Variable} names no such tools, left out: {Names}")]
    private static partial void LogUnknownTools(ILogger logger, string variable, string names);
}
