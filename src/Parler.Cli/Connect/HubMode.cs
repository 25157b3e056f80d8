using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using Parler.Cli.Commands;
using Parler.Client;
using Parler.Core.IO;
using Parler.Hub;

namespace Parler.Cli.Connect;

/// <summary>Which hub the wired agents use, and starting it when it is ours to run.</summary>
/// <param name="Hub">The URL agents on this machine dial (with the certificate pin for a team hub).</param>
/// <param name="JoinSecret">The secret agents present (a team hub, or PARLER_JOIN_SECRET given to join one).</param>
/// <param name="TeamUrl">For a team hub: the URL teammates use.</param>
internal sealed record HubMode(Uri Hub, string? JoinSecret, Uri? TeamUrl)
{
    public const string DefaultTeamAddress = "0.0.0.0:7443";

    /// <summary>An explicit --hub, else PARLER_HUB, else the default loopback hub; with --local always a loopback one.</summary>
    public static HubMode Local(CliContext context, bool loopbackOnly = false)
    {
        var explicitHub = context.ParseResult.GetValue(GlobalOptions.Hub) is not null;
        var hub = loopbackOnly && !explicitHub ? new Uri(GlobalOptions.DefaultHub) : context.HubUrl;
        if (loopbackOnly && !LocalHub.IsLocal(hub))
        {
            throw new CliUsageException($"--local keeps the hub on this machine, but {ConnectSetup.HubText(hub)} is not a loopback http URL; drop --local or use --hub {GlobalOptions.DefaultHub}.");
        }

        return new HubMode(hub, NonEmpty(context.Host.Environment("PARLER_JOIN_SECRET")), null);
    }

    /// <summary>Starts the local hub in the background when the agents' hub is on loopback and nothing answers there.</summary>
    public async Task<int?> EnsureLocalAsync(ConnectSetup setup, CancellationToken cancellationToken)
    {
        if (!LocalHub.IsLocal(Hub))
        {
            return null;
        }

        // A team hub started by 'connect --team' serves the same record: the local one cannot start beside it.
        if (RecordLock.Serving(Record(setup)) is { } running && !await LocalHub.AnswersAsync(Hub, cancellationToken))
        {
            throw new IOException(
                $"the hub ({running.Shown}) already serves this machine's record ({running.Record}), so no local hub can start beside it. "
                + "Keep the agents on it with 'parler connect --team', or stop it with 'parler hub stop' and run 'parler connect' again.");
        }

        return await LocalHub.EnsureAsync(
            setup.Executable, setup.ParlerHome, Hub, ["--addr", $"{Hub.Host}:{Hub.Port}"], new Dictionary<string, string>(),
            setup.Host.Time, cancellationToken);
    }

    /// <summary>The record 'parler connect' runs its hub on, local or team: PARLER_HOME/hub.db.</summary>
    public static string Record(ConnectSetup setup) => Path.Combine(setup.ParlerHome, "hub.db");

    /// <summary>
    /// 'connect --team' after 'connect': the solo hub (loopback only) on the same record steps aside for the team hub.
    /// A hub reachable beyond loopback is someone's team hub: it is named with the line that stops it, never stopped.
    /// </summary>
    private static async Task ReplaceLocalAsync(ConnectSetup setup, Uri team, string address, CancellationToken cancellationToken)
    {
        if (RecordLock.Serving(Record(setup)) is not { } running || await LocalHub.AnswersAsync(team, cancellationToken))
        {
            return;
        }

        if (!running.OnLoopback)
        {
            throw new IOException(
                $"another hub ({running.Shown}) serves this machine's record ({running.Record}); "
                + $"run 'parler connect --team --addr {running.Address ?? "HOST:PORT"}' to use it, or stop it with 'parler hub stop' and run 'parler connect --team --addr {address}' again.");
        }

        await HubStopper.StopAsync(running, setup.Host.Time, cancellationToken);
        await setup.Host.Error.WriteLineAsync($"hub: stopped the local hub ({running.Shown}); the team hub serves the same record, rooms and identities");
    }

    /// <summary>
    /// A hub on the LAN: TLS with a certificate generated once, a join secret generated once (both owner-only under
    /// PARLER_HOME), started in the background with the secret in its environment, never its argv.
    /// </summary>
    public static async Task<(HubMode Mode, int? Pid)> StartTeamAsync(ConnectSetup setup, string address, CancellationToken cancellationToken)
    {
        IPEndPoint endpoint;
        try
        {
            endpoint = HubHost.ParseAddress(address);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException(ex.Message);
        }

        var home = setup.ParlerHome;
        var secretPath = SecretPath(home);
        var secret = File.Exists(secretPath) ? File.ReadAllText(secretPath).Trim() : "";
        if (secret.Length == 0)
        {
            secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            SecureFile.EnsurePrivateDirectory(home);
            SecureFile.WriteAllTextAtomic(secretPath, secret + "\n");
        }

        using var certificate = HubCertificate.LoadOrCreate(home, setup.Host.Time);
        var fingerprint = HubCertificate.Fingerprint(certificate);
        var anyAddress = endpoint.Address.Equals(IPAddress.Any) || endpoint.Address.Equals(IPAddress.IPv6Any);
        var localHost = anyAddress ? "127.0.0.1" : endpoint.Address.ToString();
        var lanHost = anyAddress ? LanAddress() ?? Environment.MachineName : endpoint.Address.ToString();
        var local = HubPin.WithPin(new Uri($"https://{localHost}:{endpoint.Port}"), fingerprint);
        var team = HubPin.WithPin(new Uri($"https://{lanHost}:{endpoint.Port}"), fingerprint);
        await ReplaceLocalAsync(setup, local, address, cancellationToken);
        var pid = await LocalHub.EnsureAsync(
            setup.Executable, home, local, ["--addr", address, "--tls"],
            new Dictionary<string, string> { ["PARLER_JOIN_SECRET"] = secret }, setup.Host.Time, cancellationToken);
        JoinSecretFile.Write(home, local, secret);
        return (new HubMode(local, secret, team), pid);
    }

    /// <summary>The team hub's own join secret (owner-only); the hub gets it through its environment.</summary>
    public static string SecretPath(string home) => Path.Combine(home, "hub-join-secret");

    private static string? LanAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))?.ToString();

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
