namespace Parler.Client;

/// <summary>
/// Facts' data, packed end to end in 1 MB chunks: a catch-up of many MB keeps only its facts' data (about half of the
/// answer), and makes one large array per MB rather than an array per fact.
/// </summary>
internal sealed class FactDataArena
{
    private const int ChunkSize = 1 << 20;

    private byte[] _chunk = [];
    private int _used;

    /// <summary>A copy of <paramref name="data"/>, which stays as it is (nothing writes over a chunk's used part).</summary>
    public ReadOnlyMemory<byte> Copy(ReadOnlySpan<byte> data)
    {
        if (data.Length > _chunk.Length - _used)
        {
            (_chunk, _used) = (new byte[Math.Max(ChunkSize, data.Length)], 0);
        }

        data.CopyTo(_chunk.AsSpan(_used));
        var copy = _chunk.AsMemory(_used, data.Length);
        _used += data.Length;
        return copy;
    }
}
