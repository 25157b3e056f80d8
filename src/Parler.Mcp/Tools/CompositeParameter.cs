namespace Parler.Mcp.Tools;

/// <summary>
/// A composite tool's parameter, typed like <paramref name="Field"/> of <paramref name="Action"/>'s input, or like a route
/// parameter when <paramref name="Field"/> is written "{name}". Without an action it is the client's own (a local path, a
/// flag) and <paramref name="Field"/> is its JSON type.
/// </summary>
internal sealed record CompositeParameter(string Name, string? Action, string Field, string Description, bool Required = false);
