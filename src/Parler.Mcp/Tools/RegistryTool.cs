using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Parler.Mcp.Live;

namespace Parler.Mcp.Tools;

/// <summary>
/// An MCP tool declared from a <see cref="ToolSpec"/> (so from the action registry) rather than from a C# method
/// signature. A refusal, a bad argument or an unreachable hub comes back as an error result the agent can act on; a
/// JSON answer is also given as structured content; knocks waiting for the person are noted at the end.
/// </summary>
internal sealed class RegistryTool(ToolSpec spec, ToolRunner runner, KnockDesk knocks, ErrorWords words) : McpServerTool
{
    /// <summary>How often a running call tells a client that asked for progress that it is still working.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    public ToolSpec Spec => spec;

    public override Tool ProtocolTool { get; } = new()
    {
        Name = spec.Name,
        Title = spec.Face.Title,
        Description = spec.Face.Description,
        InputSchema = ToolSchema.ToElement(spec.InputSchema),
        Annotations = new ToolAnnotations
        {
            ReadOnlyHint = spec.ReadOnly,
            IdempotentHint = spec.ReadOnly || spec.Face.Idempotent,
            DestructiveHint = spec.ReadOnly ? null : spec.Destructive,
            OpenWorldHint = true,
        },
    };

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var progress = request.Params?.ProgressToken is { } token ? new ToolHeartbeat(request.Server, token, runner.Time) : null;
        try
        {
            var work = runner.RunAsync(spec, new ToolArguments(request.Params?.Arguments), cancellationToken);
            var text = progress is null ? await work : await progress.WhileAsync(work, Heartbeat, cancellationToken);
            var result = new CallToolResult { Content = [new TextContentBlock { Text = text + knocks.Note() }] };
            if (text.StartsWith('{') && Structured(text) is { } structured)
            {
                result.StructuredContent = structured;
            }

            return result;
        }
        catch (McpException ex)
        {
            return new CallToolResult { Content = [new TextContentBlock { Text = words.InToolTerms(ex.Message) + knocks.Note() }], IsError = true };
        }
    }

    private static JsonElement? Structured(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject ? JsonDocument.Parse(text).RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
