namespace Parler.Cli.Connect;

/// <summary>A JSONC object's braces and members, as offsets into the text it was read from.</summary>
internal sealed record JsoncObject(int Open, int Close, IReadOnlyList<JsoncMember> Members)
{
    public JsoncMember? Find(string name) => Members.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));
}
