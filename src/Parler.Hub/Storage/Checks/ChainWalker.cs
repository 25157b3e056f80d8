using System.Text.Json;
using Parler.Core.Facts;

namespace Parler.Hub.Storage.Checks;

/// <summary>
/// Walks one stream's facts in seq order and tells the first break: a fact missing, a fact whose hash does not match its
/// content, a prev that is not the hash before it, or a stream head that is not its last fact.
/// </summary>
internal sealed class ChainWalker(string stream, long head, string headHash, long firstSeq)
{
    private long _seq = firstSeq - 1;
    private string? _prev = firstSeq == 1 ? FactHash.Genesis : null;

    public string Stream { get; } = stream;

    public long Facts { get; private set; }

    public string? Problem { get; private set; }

    public void Add(StoredFact fact)
    {
        if (Problem is not null)
        {
            return;
        }

        if (fact.Seq != _seq + 1)
        {
            Problem = $"stream {Stream}: fact #{_seq + 1} is missing (the next one found is #{fact.Seq})";
        }
        else if (_prev is not null && fact.Prev != _prev)
        {
            Problem = $"stream {Stream}: fact #{fact.Seq} does not link to the fact before it (its prev is not that fact's hash)";
        }
        else if (!HashMatches(fact))
        {
            Problem = $"stream {Stream}: fact #{fact.Seq} was altered (its content does not match its hash)";
        }

        _seq = fact.Seq;
        _prev = fact.Hash;
        Facts++;
    }

    /// <summary>Data that is not JSON any more was altered as surely as data whose hash differs.</summary>
    private static bool HashMatches(StoredFact fact)
    {
        try
        {
            return FactHash.Compute(fact.Stream, fact.Seq, fact.Type, fact.At, fact.Actor, fact.Principal, fact.Authority, fact.Data, fact.Prev) == fact.Hash;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The first break, checking last that the stream's head row names the last fact found.</summary>
    public string? Finish()
    {
        if (Problem is null && (_seq != head || (_prev is not null && _prev != headHash)))
        {
            Problem = _seq < head
                ? $"stream {Stream}: its head is #{head} but its facts end at #{_seq}: acknowledged facts are missing"
                : $"stream {Stream}: its head row does not name its last fact #{_seq}";
        }

        return Problem;
    }
}
