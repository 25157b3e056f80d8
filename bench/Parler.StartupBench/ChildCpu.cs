using System.Globalization;
using System.Runtime.InteropServices;

namespace Parler.StartupBench;

/// <summary>
/// CPU time of child processes. Wall clock on a shared machine mostly measures the neighbours; CPU time (user + system)
/// is what the process itself spent. An exited child's comes from getrusage(RUSAGE_CHILDREN), in microseconds; a
/// running one's from /proc/PID/stat (clock ticks of 10 ms: coarse, so compare medians).
/// </summary>
internal static partial class ChildCpu
{
    private const int Children = -1;
    private const double MsPerTick = 10;

    /// <summary>User + system milliseconds of every child this process has waited for so far.</summary>
    public static double WaitedMs()
    {
        if (GetResourceUsage(Children, out var usage) != 0)
        {
            throw new InvalidOperationException("getrusage failed.");
        }

        return ((usage.UserSeconds + usage.SystemSeconds) * 1000.0) + ((usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0);
    }

    /// <summary>User + system milliseconds a running process has used (its threads, live and ended).</summary>
    public static double RunningMs(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of stat (utime, stime), counted here from field 3 (state).
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * MsPerTick;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetResourceUsage(int who, out ResourceUsage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs this tool does not read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }
}
