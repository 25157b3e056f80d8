using System.CommandLine;
using System.CommandLine.Parsing;
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
                try
                {
                    return await body(context.Value, cancellationToken);
                }
                catch (HubClientException ex) when (ex.Unreachable && command.Name != "hub")
                {
                    if (!await LocalHubRestart.TryAsync(context.Value, cancellationToken))
                    {
                        throw;
                    }

                    context.Value.DisposeClient();
                    return await body(context.Value, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Cancelled;
            }
            catch (HubClientException ex)
            {
                return await FailAsync(context.Value, Pending(context.Value, ex) ?? CliError.FromHub(ex, context.Value.HubUrl.ToString().TrimEnd('/')));
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

    /// <summary>A room this identity knocked on and waits to be admitted to reads as "not found" at the hub: say it waits.</summary>
    private static CliError? Pending(CliContext context, HubClientException ex)
    {
        if (ex.Problem?.Code != "room_not_found")
        {
            return null;
        }

        var roomRef = context.ParseResult.CommandResult.Children.OfType<OptionResult>()
            .FirstOrDefault(r => r.Option.Name == "--room")?.Tokens.FirstOrDefault()?.Value;
        return PendingJoins.Find(context.Home, roomRef) is { } room
            ? new CliError(ExitCodes.Pending, "approval_pending",
                $"you asked to join '{room.Name}' ({room.Id}) and are waiting for the host to approve you; until then you can neither read nor send there.",
                "parler session join KEY (again, once approved: it then brings the full context)")
            : null;
    }

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
