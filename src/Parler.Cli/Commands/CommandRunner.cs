using System.CommandLine;
using Parler.Client;
using Parler.Client.Blobs;

namespace Parler.Cli.Commands;

/// <summary>Runs a command body and maps every failure to one message on stderr and one exit code.</summary>
internal static class CommandRunner
{
    public static void Handle(this Command command, CliHost host, Func<CliContext, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var context = new CliContextScope(new CliContext(host, parseResult));
            try
            {
                return await body(context.Value, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Cancelled;
            }
            catch (HubClientException ex)
            {
                await host.Error.WriteLineAsync($"parler: {ex.Message}");
                return ex.Unreachable ? ExitCodes.HubUnreachable
                    : ex.Problem!.Status == 404 ? ExitCodes.NotFound
                    : ExitCodes.Refused;
            }
            catch (CliUsageException ex)
            {
                await host.Error.WriteLineAsync($"parler: {ex.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception ex) when (ex is HandoffException or InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                await host.Error.WriteLineAsync($"parler: {ex.Message}");
                return ExitCodes.Failure;
            }
        });

    private sealed class CliContextScope(CliContext value) : IDisposable
    {
        public CliContext Value { get; } = value;

        public void Dispose() => Value.DisposeClient();
    }
}
