using System.Net;
using Parler.Hub;

namespace Parler.Cli.Commands;

/// <summary>
/// A running hub: its pid, the address it listens on (null when its pid file predates that), the record it serves (a
/// SQLite file, or a PostgreSQL URL without its password) and the lock file it holds while it runs.
/// </summary>
internal sealed record RunningHub(int Pid, string? Address, string Record, string? HeldLock = null)
{
    /// <summary>True when it listens on loopback only: the solo hub 'parler connect' starts, not one teammates reach.</summary>
    public bool OnLoopback
    {
        get
        {
            try
            {
                return Address is not null && IPAddress.IsLoopback(HubHost.ParseAddress(Address).Address);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }

    /// <summary>How people see it: "pid 123, listening on 127.0.0.1:7420".</summary>
    public string Shown => Address is null ? $"pid {Pid}" : $"pid {Pid}, listening on {Address}";
}
