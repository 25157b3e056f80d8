using System.Globalization;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Parler.Contract;

namespace Parler.EndToEnd.Tests.Fuzz;

/// <summary>
/// A seeded generator of requests over every action in the catalog: random, boundary and malformed route values,
/// query strings, bodies and headers, with and without a token. The same seed gives the same requests.
/// </summary>
internal sealed class RequestGenerator(int seed, IReadOnlyList<ActionContract> actions, FuzzTargets targets)
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    private static readonly string[] Texts =
    [
        "", " ", "x", "team", "a b", "rm_", "rm_zzzzzzzzzzzz", "pa", "\u0000", "\u0007bell", "line\nbreak", "tab\t",
        "gap-b\u200b", "\u202Eevil", "\u2066iso\u2069", "\uFEFFbom", "caf\u00e9", "\ud83d\ude00", "\u00ad", "null", "true",
        "../../etc/passwd", "<script>", "' or 1=1 --", "{\"a\":1}", "\\", "\"", "refs/heads/main", "application/pdf",
        "2026-01-01T00:00:00Z", "-1", "1e309", "VBZHDHGR", new string('x', 65), new string('y', 300), new string('z', 5000),
    ];

    private static readonly string[] RawBodies =
    [
        "{", "}", "[]", "[1,2]", "null", "1", "\"text\"", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "{\"a\":1}{\"b\":2}",
        "{\"x\":\"\\ud800\"}", "{\"x\":\"\\udc00\"}", "{\"x\":\"\\ud800\\u0041\"}", "{\"x\":\"\\uZZZZ\"}", "{\"x\":1,\"x\":2}",
        "{\"a\":{\"b\":1,\"b\":1}}", "\uFEFF{}", "{\"x\":1e999}", "{\"x\":-0}", "{\"x\":NaN}", "  ", "{\"\":1}",
    ];

    private readonly Random _random = new(seed);

    /// <summary>Whether this request's fields get plausible values, so the actions' success paths are reached too.</summary>
    private bool _plausible;

    public FuzzRequest Next()
    {
        var action = actions[_random.Next(actions.Count)];
        _plausible = _random.Next(3) == 0;
        var method = _random.Next(12) == 0 ? Pick(Methods) : action.Method;
        var path = RouteFor(action) + Query(action);
        var headers = new List<KeyValuePair<string, string>>();
        var token = _random.Next(8) switch
        {
            0 => null,
            1 => "garbage",
            2 => targets.Token + "x",
            3 => "",
            // The fuzz keeps its own token and membership: with them it revokes and leaves nothing.
            _ => action.Name is "auth.revoke" or "rooms.leave" ? "pt_notatoken" : targets.Token,
        };
        if (token is not null)
        {
            headers.Add(new("Authorization", _random.Next(20) == 0 ? token : "Bearer " + token));
        }

        if (_random.Next(10) == 0)
        {
            headers.Add(new("Parle-Version", Pick(["1", "2", "", "0", "1.0", "\u00e9"])));
        }

        if (_random.Next(4) == 0)
        {
            headers.Add(new("Idempotency-Key", _random.Next(6) == 0 ? new string('k', 256) : Guid.NewGuid().ToString("N")));
        }

        if (_random.Next(15) == 0)
        {
            headers.Add(new("X-Fuzz", Pick(["\u00ff\u00fe", "caf\u00e9", new string('h', 2000)])));
        }

        var (body, contentType, chunked) = Body(action, method);
        return new FuzzRequest(action.Name, action.Route, action.Method, method, path, body, contentType, chunked, headers, action.ResponseContentType == "text/event-stream");
    }

    private string RouteFor(ActionContract action)
    {
        var segments = action.Route.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] is ['{', .., '}'])
            {
                segments[i] = segments[i] == "{room}"
                    ? Pick([targets.RoomId, targets.RoomId, targets.RoomName, targets.OutsiderRoomId, .. Escaped()])
                    : segments[i] == "{agent}" ? Pick([targets.AgentId, .. Escaped()]) : Pick(Escaped());
            }
        }

        var path = string.Join('/', segments);
        return _random.Next(40) switch
        {
            0 => path + "/extra",
            1 => path + ".json",
            2 => path.ToUpperInvariant(),
            3 => path + "%2F..",
            _ => path,
        };
    }

    // Kestrel answers a NUL in the path itself, before the hub sees the request: the path never carries one.
    private string[] Escaped() => [Uri.EscapeDataString(Pick(Texts).Replace("\0", "", StringComparison.Ordinal)), "x", "0", "-1", "%FF", "%C3%28", "rm_" + _random.Next()];

    private string Query(ActionContract action)
    {
        var fields = QueryFields(action);
        if (fields.Count == 0 && _random.Next(10) != 0)
        {
            return "";
        }

        var pairs = new List<string>();
        foreach (var (name, type) in fields)
        {
            if (_random.Next(_plausible ? 2 : 3) == 0)
            {
                pairs.Add($"{name}={Uri.EscapeDataString(QueryValue(name, type))}");
            }
        }

        if (_random.Next(10) == 0)
        {
            pairs.Add(Pick(["colour=blue", "a=%FF", "x", "=1", "wait=1&wait=2", "limit=%00"]));
        }

        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }

    private List<(string Name, Type Type)> QueryFields(ActionContract action) =>
        action.Input is { } input && (action.Method == "GET" || action.RequestContentType is not null)
            ? input.Properties.Select(p => (p.Name, p.PropertyType)).ToList()
            : [];

    private string QueryValue(string name, Type type) =>
        _plausible ? Plausible(name, type).Trim('"') : IsNumber(type) ? Number(name).ToString(CultureInfo.InvariantCulture) : _random.Next(4) == 0 ? Pick(["abc", "1.5", "", "99999999999999999999"]) : Pick(Texts);

    private (byte[]? Body, string? ContentType, bool Chunked) Body(ActionContract action, string method)
    {
        if (method == "GET" && _random.Next(10) != 0)
        {
            return (null, null, false);
        }

        var chunked = _random.Next(6) == 0;
        if (_plausible)
        {
            return (Encoding.UTF8.GetBytes(JsonObjectFor(action.Input)), action.RequestContentType ?? "application/json", chunked);
        }

        var contentType = _random.Next(12) switch
        {
            0 => null,
            1 => "text/plain",
            2 => "application/json; charset=latin1",
            3 => "application/octet-stream",
            _ => action.RequestContentType ?? "application/json",
        };
        return _random.Next(20) switch
        {
            0 => (Encoding.UTF8.GetBytes(Pick(RawBodies)), contentType, chunked),
            1 => ([0x7b, 0x22, 0x78, 0x22, 0x3a, 0x22, (byte)_random.Next(0x80, 0x100), 0x22, 0x7d], contentType, chunked),
            2 => (Encoding.UTF8.GetBytes("{\"x\":\"" + new string('b', _random.Next(2) == 0 ? 70_000 : 1_100_000) + "\"}"), contentType, chunked),
            3 => (RandomBytes(_random.Next(1, 64)), contentType, chunked),
            4 => ([], contentType, chunked),
            _ => (Encoding.UTF8.GetBytes(JsonObjectFor(action.Input)), contentType, chunked),
        };
    }

    private string JsonObjectFor(JsonTypeInfo? input)
    {
        var members = new List<string>();
        foreach (var property in input?.Properties ?? [])
        {
            if (_random.Next(4) != 0)
            {
                members.Add($"{Quote(property.Name)}:{(_plausible ? Plausible(property.Name, property.PropertyType) : Value(property.Name, property.PropertyType, 0))}");
            }
        }

        if (!_plausible && _random.Next(12) == 0)
        {
            members.Add($"{Quote(Pick(["colour", "", "\u00e9"]))}:1");
        }

        return "{" + string.Join(',', members) + "}";
    }

    private string Value(string name, Type type, int depth) => _random.Next(10) switch
    {
        0 => "null",
        1 => Pick(["true", "false", "[]", "{}", "[1,\"a\"]", "0.5", "-0", "1e400", "\"\""]),
        2 when depth < 3 => "{" + Quote(Pick(Texts)) + ":" + Value(name, type, depth + 1) + "}",
        _ => IsNumber(type) ? Number(name).ToString(CultureInfo.InvariantCulture) : type == typeof(bool) || type == typeof(bool?)
            ? Pick(["true", "false"])
            : Quote(Pick(Texts)),
    };

    /// <summary>A value that could pass the action's checks, as JSON.</summary>
    private string Plausible(string name, Type type) => name switch
    {
        "name" => Quote($"fz-{_random.Next(100_000)}"),
        "after" or "seq" => Pick(["0", "1", "3"]),
        "wait" => "0",
        "limit" or "max_uses" => Pick(["1", "5"]),
        "ttl_seconds" => "3600",
        "lease_seconds" => "30",
        "kind" => Quote("text"),
        "status" => Quote(Pick(["accepted", "done"])),
        "to" or "for" => Quote(Pick(["alice", "bob", targets.AgentId])),
        "agent_id" => Quote(targets.AgentId),
        "room" => Quote(targets.RoomId),
        _ when IsNumber(type) => "1",
        _ when type == typeof(bool) || type == typeof(bool?) => Pick(["true", "false"]),
        _ => Quote($"fuzz {name} {_random.Next(1000)}"),
    };

    private long Number(string name)
    {
        // A valid wait would hold a request for up to a minute: the fuzz only sends the boundaries around it.
        var waits = name.Contains("wait", StringComparison.Ordinal);
        var n = Pick<long>([0, -1, 1, 2, 60, 61, 1000, int.MaxValue, (long)int.MaxValue + 1, int.MinValue, long.MaxValue, 7 * 24 * 3600, 86_400 * 31]);
        return waits && n is > 0 and <= 60 ? 0 : n;
    }

    private static bool IsNumber(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(int) || t == typeof(long) || t == typeof(double));

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => $"\\u{(int)c:x4}",
                _ when char.IsSurrogate(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string Pick(IReadOnlyList<string> items) => items[_random.Next(items.Count)];
}
