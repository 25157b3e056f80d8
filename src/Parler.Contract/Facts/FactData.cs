using System.Text.Json;
using Parler.Core.Facts;
using Parler.Core.Json;

namespace Parler.Contract.Facts;

/// <summary>Turns a typed fact into the data the log stores (its canonical JSON), and the stored data back into the typed fact.</summary>
internal static class FactData
{
    /// <summary>The fact's canonical JSON (RFC 8785), made once: the hub hashes these bytes and stores them as they are.</summary>
    public static FactJson Write<T>(T fact)
        where T : IFact<T> =>
        FactJson.FromCanonical(CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(fact, T.Json)));

    /// <summary>The typed fact; a stored fact that does not fit its type is a damaged record, told as an exception.</summary>
    public static T Read<T>(FactJson data)
        where T : IFact<T> =>
        JsonSerializer.Deserialize(data.Utf8.Span, T.Json) ?? throw new JsonException($"A {T.Type} fact has no data.");

    /// <summary>The typed fact, or null when the data does not fit (a reader checking a record it does not trust).</summary>
    public static T? TryRead<T>(FactJson data)
        where T : class, IFact<T>
    {
        try
        {
            return JsonSerializer.Deserialize(data.Utf8.Span, T.Json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
