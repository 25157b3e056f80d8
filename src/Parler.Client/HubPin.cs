using System.Net.Security;
using System.Security.Cryptography;

namespace Parler.Client;

/// <summary>
/// A hub URL may carry the SHA-256 fingerprint of the hub's self-signed certificate as its fragment
/// (<c>https://host:7443#sha256=HEX</c>); the client then trusts exactly that certificate and nothing else.
/// </summary>
internal static class HubPin
{
    private const string Prefix = "#sha256=";

    public static string? Of(Uri hub) =>
        hub.Fragment.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? Normalize(hub.Fragment[Prefix.Length..]) : null;

    public static Uri WithoutPin(Uri hub) => new UriBuilder(hub) { Fragment = "" }.Uri;

    public static Uri WithPin(Uri hub, string fingerprint) => new UriBuilder(hub) { Fragment = "sha256=" + Normalize(fingerprint) }.Uri;

    public static string Fingerprint(byte[] rawCertificate) => Convert.ToHexString(SHA256.HashData(rawCertificate));

    /// <summary>A connection pool that checks the pin (when the URL has one) instead of the machine's trust store.</summary>
    public static SocketsHttpHandler Handler(Uri hub)
    {
        var handler = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1) };
        if (Of(hub) is { } pin)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && string.Equals(Fingerprint(certificate.GetRawCertData()), pin, StringComparison.Ordinal),
            };
        }

        return handler;
    }

    private static string Normalize(string fingerprint) => fingerprint.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant();
}
