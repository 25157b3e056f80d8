using ModelContextProtocol;

namespace Parler.Mcp.Hub;

/// <summary>The hub did not answer at all; the message says how to start one or where to point.</summary>
internal sealed class HubUnreachableException(string message, Exception inner) : McpException(message, inner);
