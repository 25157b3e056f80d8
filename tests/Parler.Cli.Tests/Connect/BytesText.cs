namespace Parler.Cli.Tests.Connect;

public static class BytesText
{
    public static string Utf8(this byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);
}
