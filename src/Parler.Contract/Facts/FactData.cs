using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parler.Contract.Facts;

/// <summary>Turns a typed fact into the data object the log stores, and the stored data back into the typed fact.</summary>
internal static class FactData
{
    public static JsonObject Write<T>(T fact)
        where T : IFact<T> =>
        JsonSerializer.SerializeToNode(fact, T.Json)!.AsObject();

    /// <summary>The typed fact; a stored fact that does not fit its type is a damaged record, told as an exception.</summary>
    public static T Read<T>(JsonObject data)
        where T : IFact<T> =>
        data.Deserialize(T.Json) ?? throw new JsonException($"A {T.Type} fact has no data.");

    /// <summary>The typed fact, or null when the data does not fit (a reader checking a record it does not trust).</summary>
    public static T? TryRead<T>(JsonObject data)
        where T : class, IFact<T>
    {
        try
        {
            return data.Deserialize(T.Json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
