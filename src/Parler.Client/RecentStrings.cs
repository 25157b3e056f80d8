using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Parler.Client;

/// <summary>
/// The last few distinct values of one field (a fact's type, actor, stream...), so a field that repeats across thousands
/// of facts is one string, not one per fact: the value's UTF-8 is compared with what was seen before making a string.
/// </summary>
internal sealed class RecentStrings
{
    private const int Size = 8;

    private readonly byte[][] _keys = new byte[Size][];
    private readonly string[] _values = new string[Size];
    private int _next;
    private int _last;

    /// <summary>The string token the reader is on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString()!;
        }

        var utf8 = reader.ValueSpan;
        if (_keys[_last] is { } recent && utf8.SequenceEqual(recent))
        {
            return _values[_last];
        }

        for (var i = 0; i < Size; i++)
        {
            if (_keys[i] is { } key && utf8.SequenceEqual(key))
            {
                _last = i;
                return _values[i];
            }
        }

        var value = reader.GetString()!;
        (_keys[_next], _values[_next], _last) = (utf8.ToArray(), value, _next);
        _next = (_next + 1) % Size;
        return value;
    }
}
