namespace Parler.Cli.Connect;

/// <summary>One <c>"name": value</c> of a JSONC object, as character offsets into the text it was read from.</summary>
/// <param name="Name">The unescaped property name.</param>
/// <param name="KeyStart">Where the quoted name starts.</param>
/// <param name="ValueStart">Where the value starts.</param>
/// <param name="ValueEnd">Just past the value.</param>
/// <param name="CommaEnd">Just past the comma after the value, or -1 when none follows.</param>
/// <param name="Value">The value, when it is an object.</param>
internal sealed record JsoncMember(string Name, int KeyStart, int ValueStart, int ValueEnd, int CommaEnd, JsoncObject? Value);
