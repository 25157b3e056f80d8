using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Parler.Hub;
using Parler.Hub.Actions;
using Parler.Mcp.Context;
using Parler.Mcp.Hub;
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
        builder.Services.AddParlerMcp(settings, time).WithStdioServerTransport();
        builder.Services.AddHostedService<SessionKnocker>();
        builder.Services.AddHostedService<HubDialer>();

        using var host = builder.Build();
        LogServing(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ParlerMcpServer).FullName!), settings.Hub.ToString());
        await host.RunAsync(cancellationToken);
    }

    /// <summary>The MCP server with its tools, resource and prompt, and what they need; the caller picks the transport.</summary>
    public static IMcpServerBuilder AddParlerMcp(this IServiceCollection services, McpSettings settings, TimeProvider time)
    {
        services.AddSingleton(settings);
        services.AddSingleton(time);
        services.AddSingleton<HubConnection>();
        services.AddSingleton<SessionState>();
        services.AddSingleton<MessageTools>();
        services.AddSingleton<SessionTools>();
        services.AddSingleton<BlobTools>();
        services.AddSingleton<ToolRunner>();
        foreach (var spec in ToolCatalog.Build(ActionRegistry.CreateDefault()))
        {
            services.AddSingleton<McpServerTool>(sp => new RegistryTool(spec, sp.GetRequiredService<ToolRunner>()));
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
            });
    }
}
