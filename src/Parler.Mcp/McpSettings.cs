namespace Parler.Mcp;

/// <summary>What <c>parler mcp</c> resolved from its options and environment, the same way the CLI does.</summary>
/// <param name="Home">PARLER_HOME: the identity and the token cache.</param>
/// <param name="Hub">The hub to dial (lazily, on the first tool call).</param>
/// <param name="Name">The display name asked for (PARLER_NAME or --name), or null to keep the identity's.</param>
/// <param name="SessionKey">PARLER_SESSION_KEY: a session to knock on at start.</param>
/// <param name="HubForOthers">The hub URL to pass on to the next agent when it is not the default one.</param>
/// <param name="HubExecutable">
/// The <c>parler</c> binary to start a local hub with when a loopback hub does not answer (only for agents wired by
/// <c>parler connect</c>, whose home is &lt;home&gt;/agents/&lt;host&gt;); null never starts one.
/// </param>
internal sealed record McpSettings(string Home, Uri Hub, string? Name, string? SessionKey, string? HubForOthers, string? HubExecutable = null);
