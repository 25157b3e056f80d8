namespace Parler.Cli.Connect;

/// <summary>What <c>connect</c> did: the exit code, the hub, and the agents it wired.</summary>
internal sealed record WiringResult(int Exit, Uri Hub, IReadOnlyList<WiredAgent> Agents);
