namespace Parler.LoadTest;

/// <summary>What one run of one target measured inside its window (warm-up excluded).</summary>
internal sealed record RunResult(
    string Target,
    double SendsPerSecond,
    Percentiles Send,
    Percentiles Deliver,
    long Sent,
    long Delivered,
    long Errors,
    double ServerCpuMicrosPerSend,
    double ClientCpuMicrosPerSend,
    long LateSends = 0,
    long AbandonedSends = 0);
