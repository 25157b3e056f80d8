using System.Text;

namespace Parler.Client.Blobs;

/// <summary>
/// Turns a name a peer chose into a plain file name: never a path. Directories, drive letters, '..', control and
/// reserved characters are dropped, so the result always lands inside the folder it is joined to.
/// </summary>
internal static class SafeFileName
{
    public const string Fallback = "download";
    private const int MaxChars = 200;
    private static readonly string[] ReservedOnWindows = ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "LPT1", "LPT2", "LPT3"];

    public static string From(string? peerName)
    {
        var text = peerName ?? "";
        var cut = text.LastIndexOfAny(['/', '\\']);
        text = text[(cut + 1)..];
        if (text.Length >= 2 && char.IsAsciiLetter(text[0]) && text[1] == ':')
        {
            text = text[2..];
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*') && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                kept.Append(c);
            }
        }

        var name = kept.ToString().Trim().TrimStart('.').TrimEnd('.', ' ');
        if (name.Length > MaxChars)
        {
            var extension = Path.GetExtension(name);
            name = name[..(MaxChars - Math.Min(extension.Length, 20))] + (extension.Length <= 20 ? extension : "");
        }

        if (name.Length == 0)
        {
            return Fallback;
        }

        var stem = name.Split('.')[0];
        return ReservedOnWindows.Contains(stem, StringComparer.OrdinalIgnoreCase) ? "_" + name : name;
    }
}
