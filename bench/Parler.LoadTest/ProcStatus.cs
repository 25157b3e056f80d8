using System.Globalization;

namespace Parler.LoadTest;

/// <summary>Memory figures of a process from <c>/proc/PID/status</c> (Linux), in bytes.</summary>
internal static class ProcStatus
{
    /// <summary>Peak resident memory.</summary>
    public static long PeakBytes(int pid) => Bytes(pid, "VmHWM:");

    /// <summary>Resident memory now.</summary>
    public static long ResidentBytes(int pid) => Bytes(pid, "VmRSS:");

    /// <summary>Resident memory now that is the process's own (heap, stacks), not pages mapped from files.</summary>
    public static long AnonymousBytes(int pid) => Bytes(pid, "RssAnon:");

    private static long Bytes(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
    }
}
