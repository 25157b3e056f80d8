namespace Parler.Cli.Connect;

/// <summary>One host <c>connect</c> wired: where its agent's identity lives and the id it will sign in as.</summary>
internal sealed record WiredAgent(AgentHost Host, string Home, string AgentId);
