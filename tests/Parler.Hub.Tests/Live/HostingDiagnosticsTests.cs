using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Parler.Hub.Tests.Live;

/// <summary>
/// A hub that logs (as `parler hub` does, Warning and up) keeps ASP.NET Core's per-request diagnostics off: while that
/// logger is on at any level, every request starts an Activity and a log scope that an open stream holds for its life.
/// </summary>
public sealed class HostingDiagnosticsTests
{
    [Fact]
    public async Task Hub_LoggingAtWarning_KeepsPerRequestHostingDiagnosticsOff()
    {
        var folder = Directory.CreateTempSubdirectory("parler-hosting-diagnostics-");
        try
        {
            await using var hub = await HubHost.StartAsync(
                new HubOptions { Address = "127.0.0.1:0", DatabasePath = Path.Combine(folder.FullName, "hub.db") },
                new FakeTime(),
                logging =>
                {
                    logging.AddProvider(new AlwaysOn());
                    logging.SetMinimumLevel(LogLevel.Warning);
                },
                CancellationToken.None);
            var loggers = hub.Services.GetRequiredService<ILoggerFactory>();

            loggers.CreateLogger(HubHost.HostingDiagnostics).IsEnabled(LogLevel.Critical).ShouldBeFalse();
            loggers.CreateLogger("Parler.Hub").IsEnabled(LogLevel.Warning).ShouldBeTrue();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A provider whose loggers take every level the filters let through.</summary>
    private sealed class AlwaysOn : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new On();

        public void Dispose()
        {
        }

        private sealed class On : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => NullLogger.Instance.BeginScope(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
            }
        }
    }
}
