using System.Collections.Concurrent;

namespace Parler.EndToEnd.Tests.Fuzz;

/// <summary>What the fuzz saw: answers by status, and every answer that broke a rule, with the request that got it.</summary>
internal sealed class FuzzTally
{
    private int _sent;

    public ConcurrentDictionary<int, int> ByStatus { get; } = new();

    public ConcurrentDictionary<string, int> ByCode { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Broken { get; } = new();

    public ConcurrentDictionary<string, int> Successes { get; } = new(StringComparer.Ordinal);

    public void Succeeded(string action) => Successes.AddOrUpdate(action, 1, (_, n) => n + 1);

    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Claims the next request of the budget; false once it is spent.</summary>
    public bool TryClaim(int budget) => Interlocked.Increment(ref _sent) <= budget || Undo();

    public void Count(int status, string? code)
    {
        ByStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (code is not null)
        {
            ByCode.AddOrUpdate(code, 1, (_, n) => n + 1);
        }
    }

    public void Break(FuzzRequest request, string what)
    {
        if (Broken.Count < 50)
        {
            Broken.Enqueue($"{what} <- {request.Method} {request.Path} ({request.Action}, body {request.Body?.Length ?? -1} bytes, " +
                $"{request.ContentType}, chunked {request.Chunked}, headers {string.Join(", ", request.Headers.Select(h => h.Key))})");
        }
    }

    public string Totals() =>
        string.Join(", ", ByStatus.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"));

    private bool Undo()
    {
        Interlocked.Decrement(ref _sent);
        return false;
    }
}
