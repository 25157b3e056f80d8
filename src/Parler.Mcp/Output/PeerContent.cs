using System.Security.Cryptography;
using Parler.Client;

namespace Parler.Mcp.Output;

/// <summary>
/// Frames a peer's words for a model. The markers carry an id drawn at random for each tool result, so text inside
/// can never close the frame or open a new one; the header says who sent it and whether that checks out.
/// </summary>
internal sealed class PeerContent
{
    public string Id { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <param name="attributes">Already-rendered header attributes (seq, from, agent, verified...).</param>
    /// <param name="text">The peer's text, raw: hidden characters are escaped here and flagged in the header.</param>
    public string Frame(string attributes, string text)
    {
        var hidden = PeerText.HasHidden(text);
        return $"<<peer-content id={Id} {attributes}{(hidden ? " hidden-characters=escaped" : "")}>>\n" +
            $"{PeerText.Visible(text, "\n")}\n<</peer-content id={Id}>>";
    }

    /// <summary>A peer-chosen value (a name, a target) as a quoted attribute: no quote, bracket or hidden character can break out.</summary>
    public static string Quote(string value) =>
        "\"" + PeerText.Visible(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal), "\\n") + "\"";
}
