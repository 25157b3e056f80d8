namespace Parler.LoadTest;

/// <summary>Latencies in milliseconds from many threads; percentiles by nearest rank over the sorted samples.</summary>
internal sealed class LatencySamples
{
    private readonly List<double> _samples = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _samples.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (_gate)
        {
            _samples.Add(milliseconds);
        }
    }

    public Percentiles Summarize()
    {
        double[] sorted;
        lock (_gate)
        {
            sorted = [.. _samples];
        }

        Array.Sort(sorted);
        return new Percentiles(At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), At(sorted, 0.999));
    }

    private static double At(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
