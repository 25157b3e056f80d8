using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parler.Core.Facts;

/// <summary>
/// Writes a fact's data as the raw JSON it holds (the hub's bytes go to the answer untouched), and reads the raw JSON of
/// the object it is given.
/// </summary>
internal sealed class FactJsonConverter : JsonConverter<FactJson>
{
    public override FactJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A fact's data is a JSON object.");
        }

        var element = JsonElement.ParseValue(ref reader);
        return FactJson.Of(JsonMarshal.GetRawUtf8Value(element).ToArray());
    }

    /// <summary>The bytes came from the log, which holds only JSON the hub serialized: they are not parsed again here.</summary>
    public override void Write(Utf8JsonWriter writer, FactJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
}
