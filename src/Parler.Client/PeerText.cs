using System.Globalization;
using System.Text;

namespace Parler.Client;

/// <summary>
/// Peer-supplied text made safe to show to a person or a model: control, bidirectional and invisible characters
/// become visible <c>\u{XXXX}</c> escapes, so a peer can neither forge output nor hide words.
/// </summary>
internal static class PeerText
{
    /// <summary>Escapes what could hide or reorder text; keeps tabs, and newlines followed by <paramref name="lineBreak"/>'s indent.</summary>
    public static string Visible(string text, string lineBreak = "\n    ")
    {
        var result = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                result.Append(lineBreak);
            }
            else if (rune.Value == '\t')
            {
                result.Append('\t');
            }
            else if (IsHidden(rune))
            {
                result.Append(CultureInfo.InvariantCulture, $"\\u{{{rune.Value:X4}}}");
            }
            else
            {
                result.Append(rune.ToString());
            }
        }

        return result.ToString();
    }

    /// <summary>True when <see cref="Visible"/> would escape something: the text carries invisible, bidi or control characters.</summary>
    public static bool HasHidden(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is not ('\n' or '\t') && IsHidden(rune))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHidden(Rune rune) =>
        Rune.IsControl(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
