using System.CommandLine;
using System.Runtime.InteropServices;
using Parler.Cli;

// The CLI owns Ctrl+C and SIGTERM: commands see a cancelled token, stop cleanly, and exit 130 (or 0 for the hub).
using var stopping = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
return await ParlerCli.InvokeAsync(CliHost.Console, args, configuration, stopping.Token);
