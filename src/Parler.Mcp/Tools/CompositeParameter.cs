namespace Parler.Mcp.Tools;

/// <summary>A composite tool's parameter, typed like <paramref name="Field"/> of <paramref name="Action"/>'s input.</summary>
internal sealed record CompositeParameter(string Name, string Action, string Field, string Description, bool Required = false);
