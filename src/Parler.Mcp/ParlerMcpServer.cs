using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Parler.Contract;
using Parler.Contract.Hosting;
using Parler.Mcp.Context;
using Parler.Mcp.Hub;
using Parler.Mcp.Live;
using Parler.Mcp.Session;
using Parler.Mcp.Tools;

namespace Parler.Mcp;

/// <summary>
/// <c>parler mcp</c>: a stdio MCP server on the official SDK. stdout carries only JSON-RPC; every log line goes to
/// stderr. Tools come from the hub's action registry; the hub is dialled in the background at start (<see cref="HubDialer"/>).
/// </summary>
internal static partial class ParlerMcpServer
{
    public static async Task RunAsync(McpSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(settings: null);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Parler", LogLevel.Information);

        // The CLI owns Ctrl+C and SIGTERM; the host stops when the command's token is cancelled or stdin closes.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddParlerMcp(settings, time, Environment.GetEnvironmentVariable(ToolProfile.Variable)).WithStdioServerTransport();
        builder.Services.AddHostedService<SessionKnocker>();
        builder.Services.AddHostedService<LiveWatcher>();
        builder.Services.AddHostedService<HubDialer>();

        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ParlerMcpServer).FullName!);
        LogServing(logger, settings.Hub.ToString());
        if (ToolProfile.Unknown(ToolCatalog.Build(ActionCatalog.CreateDefault()), Environment.GetEnvironmentVariable(ToolProfile.Variable)) is { Count: > 0 } unknown)
        {
            LogUnknownTools(logger, ToolProfile.Variable, string.Join(", ", unknown));
        }

        await host.RunAsync(cancellationToken);
    }

    /// <summary>The MCP server with its tools, resource and prompt, and what they need; the caller picks the transport.</summary>
    /// <param name="profile">PARLER_MCP_TOOLS: which tools to list (see <see cref="ToolProfile"/>).</param>
    public static IMcpServerBuilder AddParlerMcp(this IServiceCollection services, McpSettings settings, TimeProvider time, string? profile = null)
    {
        services.AddSingleton(settings);
        services.AddSingleton(time);
        services.AddSingleton<HubConnection>();
        services.AddSingleton<SessionState>();
        services.AddSingleton<MessageTools>();
        services.AddSingleton<SessionTools>();
        services.AddSingleton<BlobTools>();
        services.AddSingleton<ToolRunner>();
        services.AddSingleton<KnockDesk>();
        services.AddSingleton<ServerPush>();
        var registry = ActionCatalog.CreateDefault();
        var catalog = ToolCatalog.Build(registry);
        var words = ToolCatalog.Words(registry, catalog);
        foreach (var spec in ToolProfile.Select(catalog, profile))
        {
            services.AddSingleton<McpServerTool>(sp => new RegistryTool(spec, sp.GetRequiredService<ToolRunner>(), sp.GetRequiredService<KnockDesk>(), words));
        }

        services.AddSingleton<McpServerResource, SessionResource>();
        services.AddSingleton<McpServerPrompt, ContinueHandoffPrompt>();
        return services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation
                {
                    Name = "parler",
                    Version = typeof(ParlerMcpServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
                };
                options.ServerInstructions = ServerInstructions.Text;
                options.Capabilities = new ServerCapabilities
                {
                    Experimental = new Dictionary<string, object> { [ServerPush.ChannelCapability] = new JsonObject() },
                    Resources = new ResourcesCapability { Subscribe = true },
#pragma warning disable MCP9005 // knocks reach a client that cannot be asked as a log line (see ServerPush)
                    Logging = new LoggingCapability(),
#pragma warning restore MCP9005
                };
                options.Handlers.SubscribeToResourcesHandler = (request, _) =>
                {
                    request.Services!.GetRequiredService<ServerPush>().Subscribe(request.Params!.Uri);
                    return ValueTask.FromResult(new EmptyResult());
                };
                options.Handlers.UnsubscribeFromResourcesHandler = (request, _) =>
                {
                    request.Services!.GetRequiredService<ServerPush>().Unsubscribe(request.Params!.Uri);
                    return ValueTask.FromResult(new EmptyResult());
                };
            });
    }
}
