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
        OutputSchema = spec.OutputSchema is { } output ? ToolSchema.ToElement(output) : null,
        Annotations = new ToolAnnotations
        {
            // Hints left out take the protocol's defaults (not read-only, not idempotent), which keeps tools/list short.
            ReadOnlyHint = spec.ReadOnly ? true : null,
            IdempotentHint = spec.ReadOnly || spec.Face.Idempotent ? true : null,
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
            var reply = progress is null ? await work : await progress.WhileAsync(work, Heartbeat, cancellationToken);
            return new CallToolResult
            {
                Content = [new TextContentBlock { Text = reply.Text + knocks.Note() }],
                StructuredContent = reply.Data is { } data ? ToolSchema.ToElement(data) : null,
            };
        }
        catch (McpException ex)
        {
            return new CallToolResult { Content = [new TextContentBlock { Text = words.InToolTerms(ex.Message) + knocks.Note() }], IsError = true };
        }
    }
}
