namespace Parler.LoadTest;

/// <summary>Latency percentiles in milliseconds.</summary>
internal sealed record Percentiles(double P50, double P95, double P99, double P999);
