using System.Text;
using System.Text.Json.Serialization;
using Parler.Core.Json;

namespace Parler.Core.Facts;

/// <summary>
/// A fact's data as JSON text (UTF-8), carried as it is from the typed record that made it to the log, the wire and every
/// reader: the hub writes its canonical form (RFC 8785) once and keeps those bytes; a record written before that keeps the
/// spelling it was stored with (the same JSON). Nothing parses it into a document on the way; readers deserialize the
/// typed record from it (<c>FactData.Read</c>) and the hash is computed over its canonical form.
/// </summary>
[JsonConverter(typeof(FactJsonConverter))]
internal sealed class FactJson
{
    private FactJson(ReadOnlyMemory<byte> utf8, bool canonical)
    {
        Utf8 = utf8;
        IsCanonical = canonical;
    }

    /// <summary>The JSON text, UTF-8.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>Whether <see cref="Utf8"/> is known to be canonical already (the hub made it so).</summary>
    public bool IsCanonical { get; }

    /// <summary>Text the caller made canonical (<see cref="CanonicalJson.Canonicalize"/>).</summary>
    public static FactJson FromCanonical(byte[] canonical) => new(canonical, canonical: true);

    /// <summary>Text as stored or received, in whatever spelling.</summary>
    public static FactJson Of(ReadOnlyMemory<byte> utf8) => new(utf8, canonical: false);

    public static FactJson Of(string json) => new(Encoding.UTF8.GetBytes(json), canonical: false);

    /// <summary>The canonical form, which the fact's hash covers.</summary>
    public ReadOnlySpan<byte> Canonical() => IsCanonical ? Utf8.Span : CanonicalJson.Canonicalize(Utf8.Span);

    /// <summary>The JSON text as a string (what the stores bind).</summary>
    public override string ToString() => Encoding.UTF8.GetString(Utf8.Span);
}
