using System.Net;

namespace Parler.EndToEnd.Tests.WebConsole;

/// <summary>An HTTP client that keeps cookies and does not follow redirects: a browser as far as the console's sign-in goes.</summary>
internal sealed class Browser : IDisposable
{
    public Browser(Uri hub)
    {
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = hub };
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    public void Dispose() => Http.Dispose();
}
