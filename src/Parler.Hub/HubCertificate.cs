using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Parler.Core.IO;

namespace Parler.Hub;

/// <summary>
/// The team hub's TLS certificate: self-signed, generated once and kept owner-only as PEM under the hub's home.
/// Clients trust it by pinning its SHA-256 fingerprint, so no CA is involved.
/// </summary>
internal static class HubCertificate
{
    public const string CertificateFile = "hub-tls.crt";
    public const string KeyFile = "hub-tls.key";

    public static X509Certificate2 LoadOrCreate(string home, TimeProvider time)
    {
        var certificatePath = Path.Combine(home, CertificateFile);
        var keyPath = Path.Combine(home, KeyFile);
        if (!File.Exists(certificatePath) || !File.Exists(keyPath))
        {
            SecureFile.EnsurePrivateDirectory(home);
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=parler-hub", key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddDnsName(Environment.MachineName);
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            var now = time.GetUtcNow();
            using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
            SecureFile.WriteAllTextAtomic(keyPath, key.ExportPkcs8PrivateKeyPem());
            SecureFile.WriteAllTextAtomic(certificatePath, created.ExportCertificatePem());
        }

        SecureFile.RestrictToOwner(keyPath);
        using var loaded = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);

        // Kestrel wants a certificate whose key is not ephemeral on every platform: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(loaded.Export(X509ContentType.Pfx), null);
    }

    public static string Fingerprint(X509Certificate2 certificate) => Convert.ToHexString(SHA256.HashData(certificate.RawData));
}
