using System.Net;

namespace Parler.Hub.Tests.WebConsole;

/// <summary>An HTTP client that keeps cookies and does not follow redirects, as the console's tests need.</summary>
internal sealed class FakeBrowser : IDisposable
{
    public FakeBrowser(Uri hub)
    {
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = hub };
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    public void Dispose() => Http.Dispose();
}
