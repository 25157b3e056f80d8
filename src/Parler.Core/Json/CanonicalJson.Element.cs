using System.Text;
using System.Text.Json;

namespace Parler.Core.Json;

internal static partial class CanonicalJson
{
    private static void WriteElement(StringBuilder builder, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(builder, element);
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteElement(builder, item);
                }

                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(builder, element.GetString()!);
                break;
            case JsonValueKind.Number:
                builder.Append(EcmaScriptNumber.Format(EcmaScriptNumber.Parse(element.GetRawText())));
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Null:
                builder.Append("null");
                break;
            default:
                throw new ArgumentException($"Cannot canonicalize a JSON element of kind {element.ValueKind}.", nameof(element));
        }
    }

    private static void WriteObject(StringBuilder builder, JsonElement element)
    {
        var members = new List<JsonProperty>();
        foreach (var property in element.EnumerateObject())
        {
            members.Add(property);
        }

        members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        builder.Append('{');
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                if (string.Equals(members[i - 1].Name, members[i].Name, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Duplicate property name \"{members[i].Name}\" cannot be canonicalized.", nameof(element));
                }

                builder.Append(',');
            }

            WriteString(builder, members[i].Name);
            builder.Append(':');
            WriteElement(builder, members[i].Value);
        }

        builder.Append('}');
    }
}
