using System.CommandLine;
using Parler.Cli.Output;
using Parler.Client;
using Parler.Core.Identity;

namespace Parler.Cli.Commands;

/// <summary>Everything a client command resolves from its options and environment: home, identity, hub.</summary>
internal sealed class CliContext(CliHost host, ParseResult parseResult)
{
    private HubClient? _client;

    public CliHost Host { get; } = host;

    public ParseResult ParseResult { get; } = parseResult;

    public bool Json => ParseResult.GetValue(GlobalOptions.Json);

    public string Home => ParlerHome.Resolve(
        Host.Environment(ParlerHome.EnvironmentVariable),
        Host.Environment("HOME") is { Length: > 0 } home ? home : System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile));

    public Uri HubUrl
    {
        get
        {
            var text = ParseResult.GetValue(GlobalOptions.Hub) ?? Host.Environment("PARLER_HUB") ?? GlobalOptions.DefaultHub;
            if (!text.Contains("://", StringComparison.Ordinal))
            {
                text = "http://" + text;
            }

            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new CliUsageException($"'{text}' is not a hub URL; use something like {GlobalOptions.DefaultHub}.");
        }
    }

    public AgentIdentity Identity() =>
        IdentityFile.LoadOrCreate(Home, ParseResult.GetValue(GlobalOptions.Name) ?? Host.Environment("PARLER_NAME"));

    public HubClient Client() => _client ??= new HubClient(HubUrl, Identity(), new TokenCache(Home), Host.Time)
    {
        Transferred = Progress() is { } line ? line.Show : null,
    };

    /// <summary>A progress line for long work (uploads, downloads, a large catch-up): only for a person at a terminal, never with --json.</summary>
    public TransferLine? Progress() => Host.ShowsProgress && !Json ? new TransferLine(Host.Error, Host.Time) : null;

    /// <summary>Disposes the client; the next <see cref="Client"/> makes a new one.</summary>
    public void DisposeClient()
    {
        _client?.Dispose();
        _client = null;
    }
}

/// <summary>The user asked for something malformed; the message says how to ask.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
