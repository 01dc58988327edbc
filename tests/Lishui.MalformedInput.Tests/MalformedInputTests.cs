using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Lishui.MalformedInput.Tests;

/// <summary>
/// Every operation of every service's OpenAPI document, as a town administrator, sent each kind of
/// malformed input: the answer is always a 4xx problem naming the field at fault, and nothing the
/// requests carried is found in any table of the service's database afterwards.
/// </summary>
[Collection(FiveServicesCollection.Name)]
public sealed class MalformedInputTests(FiveServices services, ITestOutputHelper output)
{
    public static TheoryData<string> Services => ["membership", "assessment", "pairing", "projects", "notification"];

    private ServiceUnderTest Service(string name) => services.All.Single(s => s.Name == name);

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Malformed_bodies_are_refused_with_a_problem_and_nothing_is_written(string name)
    {
        var service = Service(name);
        var marker = "fuzz" + Guid.NewGuid().ToString("N")[..12];
        var sweep = new Sweep(service.Client);
        var writes = (await Operation.ReadAsync(service.Client)).Where(o => o.Method is "POST" or "PUT" or "PATCH").ToList();
        foreach (var operation in writes)
        {
            foreach (var (kind, body, contentType, field) in MalformedBodies(operation, marker))
            {
                await sweep.SendAsync($"{operation} [{kind}]", Sweep.Request(operation.Method, Target(operation), body, contentType), field);
            }

            await sweep.SendAsync($"{operation} [over 1 MiB]", Sweep.Request(operation.Method, Target(operation),
                $$"""{"{{marker}}":[{{string.Join(',', Enumerable.Repeat("1234567", 150_000))}}]}"""));
        }

        var written = new List<string>();
        foreach (var any in services.All)
        {
            written.AddRange(await any.RowsContainingAsync(marker));
        }

        Report(sweep, $"{writes.Count} write operations", written);
        Assert.True(writes.Count >= 5, $"{name} documents only {writes.Count} write operations");
        Assert.Empty(sweep.Findings);
        Assert.Empty(written);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Malformed_path_query_and_headers_are_refused_with_a_problem(string name)
    {
        var service = Service(name);
        var sweep = new Sweep(service.Client);
        var operations = await Operation.ReadAsync(service.Client);
        foreach (var operation in operations)
        {
            foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
            {
                foreach (var (value, faulty) in QueryValues(parameter))
                {
                    if (faulty)
                    {
                        await sweep.SendAsync($"{operation} [{parameter.Name}={value}]", Sweep.Request(operation.Method, Target(operation, (parameter.Name, value)), WriteBody(operation)), parameter.Name);
                    }
                }
            }

            foreach (var parameter in operation.Parameters.Where(p => p.In == "path" && p.Shape is Shape.Uuid or Shape.Integer or Shape.Date))
            {
                var target = Target(operation).Replace(Sample(parameter), "not-a-" + parameter.Shape.ToString().ToLowerInvariant(), StringComparison.Ordinal);
                await sweep.SendAsync($"{operation} [{parameter.Name} malformed]", Sweep.Request(operation.Method, target, WriteBody(operation)));
            }

            if (operation.Method == "GET")
            {
                await sweep.SendAsync($"{operation} [body on a GET]", Sweep.Request("GET", Target(operation), """{"a":1}"""), "$");
            }

            var tooLong = Sweep.Request(operation.Method, Target(operation), WriteBody(operation));
            tooLong.Headers.TryAddWithoutValidation("X-Filler", new string('x', 20_000));
            await sweep.SendAsync($"{operation} [20 KB header]", tooLong);
        }

        Report(sweep, $"{operations.Count} operations", []);
        Assert.Empty(sweep.Findings);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Unknown_routes_answer_whatever_body_comes(string name)
    {
        var service = Service(name);
        var sweep = new Sweep(service.Client);
        foreach (var method in new[] { "GET", "POST", "PUT", "PATCH", "DELETE" })
        {
            foreach (var target in new[] { "/no-such-route", "/members/x/y/z", "/projects/" + new string('a', 2000) })
            {
                await sweep.SendAsync($"{method} {target[..Math.Min(target.Length, 30)]} [no body]", Sweep.Request(method, target));
                await sweep.SendAsync($"{method} {target[..Math.Min(target.Length, 30)]} [json]", Sweep.Request(method, target, """{"a":1,"a":"\ud800\u0000"}"""));
                await sweep.SendAsync($"{method} {target[..Math.Min(target.Length, 30)]} [text]", Sweep.Request(method, target, "hello", "text/plain"));
                await sweep.SendAsync($"{method} {target[..Math.Min(target.Length, 30)]} [2 MiB]", Sweep.Request(method, target, new byte[2 * 1024 * 1024]));
            }
        }

        var raw = new List<string>();
        foreach (var (kind, request, byServer) in RawRequests(service.Address))
        {
            // What the server refuses before the application may be lost to the reset that follows
            // unread bytes; if an answer comes, it is a 4xx. What the application answers must come.
            var status = await RawStatusAsync(service.Address, request);
            if (byServer ? status is not (null or (>= 400 and < 500)) : status is not (>= 400 and < 500))
            {
                raw.Add($"raw {kind}: {(status is null ? "no answer" : $"status {status}")}");
            }
        }

        Report(sweep, "unknown routes", raw);
        Assert.Empty(sweep.Findings);
        Assert.Empty(raw);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_time_with_an_offset_is_read_as_the_same_instant(string name)
    {
        // Clients in China send +08:00; the database takes only UTC, which must not be the client's problem.
        var service = Service(name);
        var wrong = new List<string>();
        var sent = 0;
        foreach (var operation in (await Operation.ReadAsync(service.Client)).Where(o => o.Method == "GET"))
        {
            foreach (var parameter in operation.Parameters.Where(p => p.In == "query" && p.Shape == Shape.DateTime))
            {
                sent++;
                using var response = await service.Client.GetAsync(Target(operation, (parameter.Name, Uri.EscapeDataString("2025-03-04T10:00:00+08:00"))));
                if ((int)response.StatusCode >= 500)
                {
                    wrong.Add($"{operation} [{parameter.Name} +08:00]: {(int)response.StatusCode}");
                }
            }
        }

        output.WriteLine($"{sent} requests with a time at +08:00; {wrong.Count} server errors");
        Assert.True(sent > 0, $"{name} documents no time in a query");
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task A_malformed_upload_form_is_refused_with_a_problem()
    {
        var sweep = new Sweep(services.Membership.Client);
        const string Part = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n";
        await sweep.SendAsync("broken part header", Sweep.Request("POST", "/member-imports", Part + "not a header line\r\n\r\nx\r\n--b--\r\n", "multipart/form-data; boundary=b"), "file");
        await sweep.SendAsync("cut short", Sweep.Request("POST", "/member-imports", Part + "\r\nx", "multipart/form-data; boundary=b"), "file");
        await sweep.SendAsync("no boundary", Sweep.Request("POST", "/member-imports", Part + "\r\nx\r\n--b--\r\n", "multipart/form-data"), "file");
        await sweep.SendAsync("boundary too long", Sweep.Request("POST", "/member-imports", "x", "multipart/form-data; boundary=" + new string('b', 100)), "file");

        Report(sweep, "malformed upload forms", []);
        Assert.Empty(sweep.Findings);
    }

    [Fact]
    public async Task The_read_back_sees_an_accepted_write()
    {
        var marker = "fuzz" + Guid.NewGuid().ToString("N")[..12];
        using var response = await services.Membership.Client.SendAsync(Sweep.Request("POST", "/organisations", $$"""{"name":"{{marker}}","kind":"PartyCommittee"}"""));

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.NotEmpty(await services.Membership.RowsContainingAsync(marker));
    }

    [Fact]
    public async Task A_secretary_naming_the_resource_by_malformed_text_is_refused_with_a_problem()
    {
        // A secretary's access depends on the organisation the request names, read before binding.
        using var secretary = new HttpClient { BaseAddress = services.Membership.Address };
        secretary.DefaultRequestHeaders.Authorization = new("Bearer", Lishui.Testing.TestTokens.Secretary(Guid.NewGuid(), "malformed-secretary"));
        var sweep = new Sweep(secretary);

        await sweep.SendAsync("POST /households [organisationId unpaired surrogate]",
            Sweep.Request("POST", "/households", """{"organisationId":"\ud800","headName":"x","address":"x","membersCount":1}"""));
        await sweep.SendAsync("POST /households [organisationId NUL]",
            Sweep.Request("POST", "/households", """{"organisationId":"a\u0000b","headName":"x","address":"x","membersCount":1}"""));
        await sweep.SendAsync("GET /households [organisationId NUL]", Sweep.Request("GET", "/households?organisationId=a%00b"));

        Report(sweep, "a secretary's requests", []);
        Assert.Empty(sweep.Findings);
    }

    private void Report(Sweep sweep, string what, IReadOnlyList<string> more)
    {
        output.WriteLine($"{sweep.Sent} requests over {what}; {sweep.Findings.Count} wrong answers; {more.Count} other findings");
        foreach (var line in sweep.Findings.Concat(more).Take(200))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>Each kind of malformed body, built on a body that would otherwise be plausible (its text is the marker).</summary>
    private static IEnumerable<(string Kind, string Body, string? ContentType, string? Field)> MalformedBodies(Operation operation, string marker)
    {
        var fields = operation.Body ?? [];
        var plausible = fields.Select(f => (f.Name, Value: Plausible(f, marker))).ToList();
        string Object(IEnumerable<(string Name, string Value)> members) => "{" + string.Join(",", members.Select(m => $"\"{m.Name}\":{m.Value}")) + "}";
        string With(string name, string value) => Object(plausible.Where(p => p.Name != name).Append((name, value)));
        var valid = Object(plausible);

        if (fields.FirstOrDefault() is { } first)
        {
            var value = Plausible(first, marker);
            yield return ("duplicate property", Object(plausible.Prepend((first.Name, value))), "application/json", first.Name);
            var other = char.ToUpperInvariant(first.Name[0]) + first.Name[1..];
            yield return ("duplicate property, other case", Object(plausible.Append((other, value))), "application/json", other);
            yield return ("wrong type", With(first.Name, "{\"x\":[]}"), "application/json", first.Shape is Shape.Object ? null : first.Name);
            yield return ("deeply nested", With(first.Name, new string('[', 500) + new string(']', 500)), "application/json", null);
        }

        var text = fields.FirstOrDefault(f => f.Shape == Shape.Text)?.Name ?? "note";
        yield return ("NUL in text", With(text, $"\"{marker}\\u0000\""), "application/json", text);
        yield return ("unpaired surrogate", With(text, $"\"{marker}\\ud800\""), "application/json", text);
        yield return ("unpaired low surrogate", With(text, $"\"\\udc00{marker}\""), "application/json", text);
        yield return ("unknown property with an unpaired surrogate", With("extra", "\"\\ud800\""), "application/json", "extra");
        yield return ("NUL deep inside", With("extra", $"{{\"deep\":[\"{marker}\",\"a\\u0000\"]}}"), "application/json", "extra.deep[1]");
        yield return ("NUL in a property name", With("bad\\u0000name", "1"), "application/json", null);
        foreach (var number in fields.Where(f => f.Shape is Shape.Integer or Shape.Number))
        {
            yield return ($"{number.Name} out of range", With(number.Name, number.Shape == Shape.Integer ? "99999999999999999999" : "1e400"), "application/json", number.Name);
        }

        // The body as a whole is at fault: any 4xx problem will do (an upload names its own field).
        yield return ("truncated", valid[..(valid.Length / 2)], "application/json", null);
        yield return ("not JSON", "name=x&y=z", "application/json", null);
        if (operation.Body is not null)
        {
            // Valid JSON, so only wrong where a body is expected; an action without one ignores it.
            yield return ("empty", "", "application/json", null);
            yield return ("null", "null", "application/json", null);
            yield return ("array", "[]", "application/json", null);
        }

        if (fields.Count > 0)
        {
            yield return ("text/plain", valid, "text/plain", null);
            yield return ("no content type", valid, null, null);
            yield return ("form content type", valid, "application/x-www-form-urlencoded", null);
        }
    }

    private static string Plausible(Field field, string marker) => field.Shape switch
    {
        Shape.Uuid => $"\"{Guid.NewGuid()}\"",
        Shape.Date => "\"2025-03-04\"",
        Shape.DateTime => "\"2025-03-04T10:00:00Z\"",
        Shape.Time => "\"10:00:00\"",
        Shape.Integer => "1",
        Shape.Number => "1.5",
        Shape.Boolean => "true",
        Shape.Enum => $"\"{field.EnumValue}\"",
        Shape.Array => "[]",
        Shape.Object => "{}",
        _ => $"\"{marker}\"",
    };

    private static IEnumerable<(string Value, bool Faulty)> QueryValues(Parameter parameter)
    {
        yield return ("a%00b", true);
        if (parameter.Shape is not (Shape.Text or Shape.Array))
        {
            yield return ("abc", true);
        }

        // Dates parse "1,2" (as 1 February); numbers, identifiers and enums do not.
        if (parameter.Shape is Shape.Integer or Shape.Uuid or Shape.Enum or Shape.Boolean)
        {
            yield return ("1,2", true);
        }

        if (parameter.Shape is Shape.Integer)
        {
            yield return ("99999999999", true);
            if (parameter.Name is "page" or "pageSize")
            {
                yield return ("-1", true);
                yield return ("0", true);
            }
        }
    }

    private static string? WriteBody(Operation operation) => operation.Method is "POST" or "PUT" or "PATCH" ? "{}" : null;

    private static string Sample(Parameter parameter) => parameter.Shape switch
    {
        Shape.Uuid => "00000000-0000-7000-8000-00000000f00d",
        Shape.Integer => "2025",
        Shape.Date => "2025-03-04",
        _ => "x",
    };

    private static string Target(Operation operation, (string Name, string Value)? fault = null)
    {
        var path = operation.Path;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.In == "path")
            {
                path = path.Replace("{" + parameter.Name + "}", Sample(parameter), StringComparison.Ordinal);
            }
            else if (parameter.In == "query" && fault?.Name != parameter.Name && parameter.Required)
            {
                query.Add($"{parameter.Name}={Uri.EscapeDataString(Sample(parameter))}");
            }
        }

        if (fault is { } f)
        {
            query.Add($"{f.Name}={f.Value}");
        }

        return path + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    private static IEnumerable<(string Kind, byte[] Request, bool ByServer)> RawRequests(Uri address)
    {
        var host = $"Host: {address.Authority}\r\n";
        // A client that stalls mid-body (the connection kept open) gets the server's timeout as an answer.
        yield return ("body cut short, unknown route", Encoding.ASCII.GetBytes($"POST /no-such-route HTTP/1.1\r\n{host}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"a\":"), false);
        yield return ("body cut short, known route", Encoding.ASCII.GetBytes($"POST /organisations HTTP/1.1\r\n{host}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"a\":"), false);
        yield return ("malformed chunks", Encoding.ASCII.GetBytes($"POST /no-such-route HTTP/1.1\r\n{host}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n"), false);
        yield return ("large body, unknown route", Encoding.ASCII.GetBytes($"POST /no-such-route HTTP/1.1\r\n{host}Content-Type: application/json\r\nContent-Length: 3000000\r\n\r\n").Concat(new byte[3_000_000]).ToArray(), false);
        yield return ("NUL in the path", Encoding.ASCII.GetBytes($"GET /%00 HTTP/1.1\r\n{host}\r\n"), true);
        yield return ("header too long for the server", Encoding.ASCII.GetBytes($"GET /no-such-route HTTP/1.1\r\n{host}X-Filler: {new string('x', 70_000)}\r\n\r\n"), true);
        yield return ("request line too long", Encoding.ASCII.GetBytes($"GET /{new string('a', 20_000)} HTTP/1.1\r\n{host}\r\n"), true);
    }

    /// <summary>Sends raw bytes, keeps the connection open, and reads the status line of whatever comes back (null when nothing).</summary>
    private static async Task<int?> RawStatusAsync(Uri address, byte[] request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        try
        {
            await stream.WriteAsync(request);
        }
        catch (IOException)
        {
            // The server may answer and close before reading everything; the answer is what counts.
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while (received.Length < 64 && (read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
        }

        var head = Encoding.ASCII.GetString(received.ToArray());
        return head.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(head.AsSpan(9, 3), out var status) ? status : null;
    }
}
