namespace Parler.StartupBench;

/// <summary>One timed start: wall clock, and the CPU time (user + system) the child had used by then.</summary>
internal readonly record struct Timing(double Ms, double CpuMs);
