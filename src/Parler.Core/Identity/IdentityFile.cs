using System.Security.Cryptography;
using System.Text.Json;
using Parler.Core.IO;

namespace Parler.Core.Identity;

/// <summary>
/// Keeps an agent's identity in &lt;parler home&gt;/identity.json, readable by its owner only. A file that
/// cannot be trusted is never overwritten: losing a key silently would orphan the agent's history.
/// </summary>
internal static class IdentityFile
{
    public const string FileName = "identity.json";
    public const int CurrentVersion = 1;

    public static string PathFor(string parlerHome) => Path.Combine(parlerHome, FileName);

    public static AgentIdentity LoadOrCreate(string parlerHome, string? requestedName)
    {
        var name = string.IsNullOrWhiteSpace(requestedName) ? null : requestedName.Trim();
        var path = PathFor(parlerHome);
        SecureFile.EnsurePrivateDirectory(parlerHome);

        if (!File.Exists(path))
        {
            var created = new AgentIdentity(AgentKey.Generate(), name ?? Handles.Generate());
            Write(path, created);
            return created;
        }

        SecureFile.RestrictToOwner(path);
        var loaded = Read(path);
        if (name is null || string.Equals(name, loaded.Name, StringComparison.Ordinal))
        {
            return loaded;
        }

        var renamed = loaded with { Name = name };
        Write(path, renamed);
        return renamed;
    }

    private static AgentIdentity Read(string path)
    {
        IdentityDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(File.ReadAllText(path), IdentityJsonContext.Default.IdentityDocument);
        }
        catch (JsonException ex)
        {
            throw Corrupt(path, "it is not valid JSON", ex);
        }

        if (document is not { Version: CurrentVersion, Id: not null, Name: not null, Seed: not null })
        {
            throw Corrupt(path, $"it lacks a version {CurrentVersion} id, name or seed");
        }

        var seed = new byte[AgentKey.SeedLength];
        try
        {
            if (!Convert.TryFromBase64String(document.Seed, seed, out var written) || written != AgentKey.SeedLength)
            {
                throw Corrupt(path, "its seed is not 32 bytes of base64");
            }

            var key = AgentKey.FromSeed(seed);
            return string.Equals(key.Id, document.Id, StringComparison.Ordinal)
                ? new AgentIdentity(key, document.Name)
                : throw Corrupt(path, $"its id {document.Id} does not match its seed");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private static void Write(string path, AgentIdentity identity)
    {
        var seed = identity.Key.ExportSeed();
        try
        {
            var document = new IdentityDocument(CurrentVersion, identity.Id, identity.Name, Convert.ToBase64String(seed));
            SecureFile.WriteAllTextAtomic(path, JsonSerializer.Serialize(document, IdentityJsonContext.Default.IdentityDocument));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private static InvalidDataException Corrupt(string path, string reason, Exception? inner = null) =>
        new($"The identity file {path} cannot be used: {reason}. It has been left untouched; "
            + "move it aside to create a new identity (the old id cannot be recovered without it).", inner);
}
