using System.CommandLine;
using Parler.Client;
using Parler.Client.Blobs;
using Parler.Cli.Output;

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
                return await FailAsync(context.Value, CliError.FromHub(ex, context.Value.HubUrl.ToString().TrimEnd('/')));
            }
            catch (CliUsageException ex)
            {
                return await FailAsync(context.Value, CliError.Usage(ex.Message, parseResult));
            }
            catch (Exception ex) when (ex is HandoffException or InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                return await FailAsync(context.Value, CliError.Failed(ex));
            }
        });

    private static async Task<int> FailAsync(CliContext context, CliError error)
    {
        await error.WriteAsync(context.Host.Error, context.Json);
        return error.Exit;
    }

    private sealed class CliContextScope(CliContext value) : IDisposable
    {
        public CliContext Value { get; } = value;

        public void Dispose() => Value.DisposeClient();
    }
}
