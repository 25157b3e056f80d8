using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parler.Client;

namespace Parler.Cli.Output;

/// <summary>
/// One failure as the CLI reports it: an exit code, a stable code, a message, and the <c>parler</c> command to run next.
/// People get <c>parler: message</c> and <c>next: action</c> on stderr; with <c>--json</c>, stderr gets
/// <c>{"error":{"code","message","action"}}</c>.
/// </summary>
internal sealed record CliError(int Exit, string Code, string Message, string Action)
{
    public static CliError Usage(string message, ParseResult parse) => new(ExitCodes.Usage, "usage", message, $"{CommandPath(parse)} --help");

    /// <summary>The command as typed, without its options: <c>parler session join</c>.</summary>
    public static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', ["parler", .. names]);
    }

    public static CliError FromHub(HubClientException ex, string hub)
    {
        if (ex.Unreachable)
        {
            return new(ExitCodes.HubUnreachable, "hub_unreachable", ex.Message, $"parler doctor (checks the hub at {hub}; 'parler hub' starts one here)");
        }

        var problem = ex.Problem!;
        return problem.Code switch
        {
            "ambiguous_room" => new(ExitCodes.Ambiguous, problem.Code, problem.Detail, "parler rooms (then give the room's id, rm_...)"),
            "ambiguous_agent" => new(ExitCodes.Ambiguous, problem.Code, problem.Detail, "parler discover (then give the agent's id, pa...)"),
            "ambiguous_id" => new(ExitCodes.Ambiguous, problem.Code, problem.Detail, "give more characters of the id, or the whole id as printed"),
            "room_not_found" => new(ExitCodes.NotFound, problem.Code, problem.Detail, "parler rooms (the rooms this identity is an active member of)"),
            "invite_invalid" => new(ExitCodes.NotFound, problem.Code, problem.Detail, "ask the room's owner for a new key (parler session open, or parler invite)"),
            "join_secret_required" => new(ExitCodes.Refused, problem.Code, problem.Detail, "set PARLER_JOIN_SECRET (the team hub's owner has it), then parler connect --hub URL"),
            "token_invalid" or "token_expired" or "token_revoked" or "challenge_invalid" or "unauthorized" =>
                new(ExitCodes.Refused, problem.Code, problem.Detail, "run the command again (it signs in anew); if it persists, parler doctor"),
            "rate_limited" or "unavailable" or "internal" => new(ExitCodes.Failure, problem.Code, problem.Detail, "run the command again in a moment; parler doctor if it persists"),
            _ when problem.Status == 404 => new(ExitCodes.NotFound, problem.Code, problem.Detail, "parler rooms, or parler discover, to see what exists"),
            _ when problem.Status is 401 or 403 => new(ExitCodes.Refused, problem.Code, problem.Detail, "parler roster --room ROOM (who may do what there)"),
            _ => new(ExitCodes.Refused, problem.Code, problem.Detail, "parler doctor"),
        };
    }

    public static CliError Failed(Exception ex) => new(ExitCodes.Failure, ex switch
    {
        UnauthorizedAccessException => "permission_denied",
        IOException => "io_error",
        InvalidDataException => "invalid_data",
        _ => "failed",
    }, ex.Message, "parler doctor");

    public async Task WriteAsync(TextWriter error, bool json)
    {
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                writer.WriteString("code", Code);
                writer.WriteString("message", Message);
                writer.WriteString("action", Action);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            await error.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return;
        }

        await error.WriteLineAsync($"parler: {Message}");
        await error.WriteLineAsync($"next: {Action}");
    }
}
