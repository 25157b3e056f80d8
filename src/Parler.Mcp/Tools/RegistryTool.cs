using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Parler.Mcp.Tools;

/// <summary>
/// An MCP tool declared from a <see cref="ToolSpec"/> (so from the action registry) rather than from a C# method
/// signature. A refusal or an unreachable hub comes back as an error result the agent can act on.
/// </summary>
internal sealed class RegistryTool(ToolSpec spec, ToolRunner runner) : McpServerTool
{
    public ToolSpec Spec => spec;

    public override Tool ProtocolTool { get; } = new()
    {
        Name = spec.Name,
        Description = spec.Description,
        InputSchema = ToolSchema.ToElement(spec.InputSchema),
        Annotations = new ToolAnnotations
        {
            ReadOnlyHint = spec.ReadOnly,
            IdempotentHint = spec.Idempotent,
            DestructiveHint = spec.Destructive,
        },
    };

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        try
        {
            var text = await runner.RunAsync(spec, new ToolArguments(request.Params?.Arguments), cancellationToken);
            return new CallToolResult { Content = [new TextContentBlock { Text = text }] };
        }
        catch (McpException ex)
        {
            return new CallToolResult { Content = [new TextContentBlock { Text = ex.Message }], IsError = true };
        }
    }
}
