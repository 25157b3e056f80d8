using System.Text.Json;
using System.Text.Json.Serialization;
using Parler.Core.IO;

namespace Parler.Client;

/// <summary>Tokens this identity holds, per hub, in an owner-only file under PARLER_HOME.</summary>
internal sealed class TokenCache(string parlerHome)
{
    public const string FileName = "tokens.json";

    public string Home => parlerHome;

    private string Path => System.IO.Path.Combine(parlerHome, FileName);

    public CachedToken? Get(string hub, string agentId)
    {
        var all = Load();
        return all.TryGetValue(hub, out var token) && token.AgentId == agentId ? token : null;
    }

    public void Put(string hub, CachedToken token)
    {
        var all = Load();
        all[hub] = token;
        Save(all);
    }

    public void Remove(string hub)
    {
        var all = Load();
        if (all.Remove(hub))
        {
            Save(all);
        }
    }

    private Dictionary<string, CachedToken> Load()
    {
        try
        {
            return File.Exists(Path)
                ? JsonSerializer.Deserialize(File.ReadAllText(Path), ClientJsonContext.Default.DictionaryStringCachedToken) ?? []
                : [];
        }
        catch (JsonException)
        {
            // A damaged cache only costs a fresh sign-in.
            return [];
        }
    }

    private void Save(Dictionary<string, CachedToken> all)
    {
        SecureFile.EnsurePrivateDirectory(parlerHome);
        SecureFile.WriteAllTextAtomic(Path, JsonSerializer.Serialize(all, ClientJsonContext.Default.DictionaryStringCachedToken));
    }
}

internal sealed record CachedToken(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("token_id")] string TokenId,
    [property: JsonPropertyName("agent_id")] string AgentId,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt);

[JsonSerializable(typeof(Dictionary<string, CachedToken>))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
