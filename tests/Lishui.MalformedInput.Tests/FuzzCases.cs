using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Lishui.MalformedInput.Tests;

/// <summary>Which operation a request of the fuzz is for and the seed it is built from: cheap to hold by the thousand.</summary>
public sealed record FuzzPlan(int Index, Operation Operation, int Seed);

/// <summary>One request of the fuzz, built from its plan alone, so that a seed always gives the same requests.</summary>
public sealed record FuzzCase(
    int Index, Operation Operation, string Target, byte[]? Body, string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers, IReadOnlyList<string> Mutations, string Marker)
{
    public bool Mutated => Mutations.Count > 0;

    public override string ToString() =>
        $"#{Index} {Operation.Method} {(Target.Length > 160 ? Target[..160] + "…" : Target)} [{(Mutated ? string.Join(", ", Mutations) : "valid")}]";
}

/// <summary>
/// Builds a valid request for an operation out of its OpenAPI description (every text carrying the
/// request's own marker) and then breaks it in one to three ways: the body's JSON, its bytes or type,
/// the path and query values, or the headers.
/// </summary>
public sealed class FuzzCases
{
    /// <summary>Share of requests sent as generated, unbroken.</summary>
    public const double ValidShare = 0.15;

    private static readonly string[] IdempotencyKeys = ["fuzz-key-1", "fuzz-key-2", "fuzz-key-3"];

    private readonly Random random;
    private readonly string markerPrefix;

    private FuzzCases(int seed, string markerPrefix)
    {
        random = new Random(seed);
        this.markerPrefix = markerPrefix;
    }

    /// <summary>At least <paramref name="total"/> requests spread over the operations, writes three times as often as reads, in a shuffled order.</summary>
    public static IReadOnlyList<FuzzPlan> Plan(IReadOnlyList<Operation> operations, int total, int seed)
    {
        var random = new Random(seed);
        var weight = operations.Sum(o => o.IsWrite ? 3 : 1);
        var plans = new List<FuzzPlan>();
        foreach (var operation in operations)
        {
            var count = (int)Math.Ceiling((double)total * (operation.IsWrite ? 3 : 1) / weight);
            for (var i = 0; i < count; i++)
            {
                plans.Add(new FuzzPlan(plans.Count, operation, random.Next()));
            }
        }

        // Shuffled so the requests in flight together hit different operations.
        for (var i = plans.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (plans[i], plans[j]) = (plans[j], plans[i]);
        }

        return plans;
    }

    /// <summary>The request of <paramref name="plan"/>; built only when it is sent, so big bodies are not all held at once.</summary>
    public static FuzzCase Build(FuzzPlan plan, string markerPrefix) => new FuzzCases(plan.Seed, markerPrefix).Case(plan.Operation, plan.Index);

    /// <summary>A marker unique in the run that cannot be the start of another one.</summary>
    public static string MarkerOf(string markerPrefix, int index) => $"{markerPrefix}n{index:D5}q";

    /// <summary>What markers of a run look like, as a PostgreSQL regular expression.</summary>
    public static string MarkerPattern(string markerPrefix) => markerPrefix + "n[0-9]{5}q";

    private FuzzCase Case(Operation operation, int index)
    {
        var marker = MarkerOf(markerPrefix, index);
        var mutations = new List<string>();
        var path = operation.Parameters.Where(p => p.In == "path").ToDictionary(p => p.Name, p => Escape(ValidValue(p.Schema, operation.Schemas, marker)));
        var query = operation.Parameters.Where(p => p.In == "query" && (p.Required || random.Next(2) == 0))
            .Select(p => new KeyValuePair<string, string>(p.Name, Escape(ValidValue(p.Schema, operation.Schemas, marker)))).ToList();
        var headers = new List<KeyValuePair<string, string>>();
        var (tree, text, contentType) = ValidBody(operation, marker);
        byte[]? body = tree is not null ? Encoding.UTF8.GetBytes(tree.Json()) : text is not null ? Encoding.UTF8.GetBytes(text) : null;

        if (random.NextDouble() >= ValidShare)
        {
            var kinds = Kinds(operation, tree is not null, body is not null, path.Count > 0, operation.Parameters.Any(p => p.In == "query"));
            var wanted = random.Next(1, 4);
            var chosen = new List<string>();
            while (chosen.Count < wanted && chosen.Count < kinds.Count)
            {
                var kind = kinds[random.Next(kinds.Count)];
                if (!chosen.Contains(kind) && !(Replaces(kind) && chosen.Any(Replaces)))
                {
                    chosen.Add(kind);
                }
            }

            // The JSON first, then its bytes: a tree broken and then cut short is still both.
            foreach (var kind in chosen.OrderBy(k => Replaces(k) || IsBytes(k) ? 1 : 0))
            {
                if (tree is not null && IsTree(kind))
                {
                    BreakTree(kind, tree, marker);
                    body = Encoding.UTF8.GetBytes(tree.Json());
                }
                else if (IsBytes(kind) || Replaces(kind))
                {
                    (body, contentType) = BreakBytes(kind, operation, body, contentType, marker);
                }
                else if (IsTree(kind))
                {
                    body = BreakText(kind, body ?? [], marker);
                }
                else
                {
                    BreakRequest(kind, operation, path, query, headers);
                }

                mutations.Add(kind);
            }
        }

        var target = operation.Path;
        foreach (var (name, value) in path)
        {
            target = target.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        if (query.Count > 0)
        {
            target += "?" + string.Join('&', query.Select(q => q.Key.Length == 0 ? q.Value : $"{q.Key}={q.Value}"));
        }

        return new FuzzCase(index, operation, target, body, contentType, headers, mutations, marker);
    }

    private static bool IsTree(string kind) => kind is "duplicate property" or "unpaired surrogate" or "NUL" or "deep nesting" or "huge array"
        or "number out of range" or "wrong type" or "missing property" or "unknown property" or "bad format" or "long text";

    private static bool IsBytes(string kind) => kind is "wrong content type" or "no content type" or "truncated body" or "invalid UTF-8"
        or "trailing garbage" or "byte order mark";

    /// <summary>Kinds that put another body in place of the generated one: one of them at a time.</summary>
    private static bool Replaces(string kind) => kind is "empty body" or "not an object" or "body on a read";

    private static List<string> Kinds(Operation operation, bool json, bool hasBody, bool hasPath, bool hasQuery)
    {
        var kinds = new List<string>();
        if (json)
        {
            // Listed twice: most of the fuzz is about bodies.
            for (var i = 0; i < 2; i++)
            {
                kinds.AddRange(["duplicate property", "unpaired surrogate", "NUL", "deep nesting", "huge array", "number out of range",
                    "wrong type", "missing property", "unknown property", "bad format", "long text"]);
            }

            kinds.AddRange(["not an object", "trailing garbage", "byte order mark"]);
        }
        else if (hasBody)
        {
            kinds.AddRange(["unpaired surrogate", "NUL", "long text", "huge array", "invalid UTF-8"]);
        }

        if (hasBody)
        {
            kinds.AddRange(["wrong content type", "no content type", "empty body", "truncated body", "invalid UTF-8"]);
        }
        else
        {
            kinds.AddRange(["body on a read", "body on a read", "wrong content type"]);
        }

        if (hasPath)
        {
            kinds.AddRange(["odd path value", "odd path value"]);
        }

        if (hasQuery)
        {
            kinds.AddRange(["odd query value", "odd query value", "repeated query parameter", "missing query parameter"]);
        }

        kinds.AddRange(["unknown query parameter", "long header", "many headers", "odd header", "odd header"]);
        return kinds;
    }

    // ---- valid values ----

    private (FuzzPart? Tree, string? Text, string? ContentType) ValidBody(Operation operation, string marker)
    {
        if (operation.BodySchema.ValueKind == JsonValueKind.Object)
        {
            return (Value(operation.BodySchema, operation.Schemas, marker, 0), null, "application/json");
        }

        if (operation.BodyTypes.Count == 0)
        {
            return (null, null, null);
        }

        // An upload: a small CSV, sent as the first documented type that is not a form.
        var csv = $"姓名,备注\r\n{marker},{marker}\r\n";
        var type = operation.BodyTypes.FirstOrDefault(t => !t.StartsWith("multipart/", StringComparison.Ordinal));
        if (type is null || (operation.BodyTypes.Any(t => t.StartsWith("multipart/", StringComparison.Ordinal)) && random.Next(3) == 0))
        {
            return (null, $"--fuzzpart\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{marker}.csv\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n--fuzzpart--\r\n",
                "multipart/form-data; boundary=fuzzpart");
        }

        return (null, csv, type);
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        for (var i = 0; i < 8 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); i++)
        {
            if (schemas.ValueKind != JsonValueKind.Object || !schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out schema))
            {
                return default;
            }
        }

        foreach (var keyword in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var options)
                && options.EnumerateArray().Select(o => Resolve(o, schemas)).FirstOrDefault(o => !IsNullOnly(o)) is { ValueKind: JsonValueKind.Object } real)
            {
                return real;
            }
        }

        return schema;
    }

    private static bool IsNullOnly(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object
        || (schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null");

    private static bool IsNullable(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object
        && ((schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(x => x.GetString() == "null"))
            || new[] { "oneOf", "anyOf" }.Any(k => schema.TryGetProperty(k, out var options) && options.EnumerateArray().Any(IsNullOnly)));

    private static string[] Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).Where(t => t != "null").ToArray()
        : [type.GetString()!];

    private static double? Number(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.Number ? n.GetDouble()
        : schema.TryGetProperty(name, out var s) && s.ValueKind == JsonValueKind.String && double.TryParse(s.GetString(), CultureInfo.InvariantCulture, out var d) ? d
        : null;

    /// <summary>A value the schema allows; text carries the marker where its length lets it.</summary>
    private FuzzPart Value(JsonElement schema, JsonElement schemas, string marker, int depth)
    {
        schema = Resolve(schema, schemas);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return new FuzzText(marker);
        }

        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            var chosen = values[random.Next(values.GetArrayLength())];
            return chosen.ValueKind == JsonValueKind.String ? new FuzzText(chosen.GetString()!) : new FuzzRaw(chosen.GetRawText());
        }

        var types = Types(schema);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var minimum = Number(schema, "minimum");
        var maximum = Number(schema, "maximum");
        switch (format)
        {
            case "uuid":
                return new FuzzText(NewGuid().ToString());
            case "date":
                return new FuzzText(Date().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case "date-time":
                return new FuzzText(Date().ToDateTime(new TimeOnly(random.Next(24), random.Next(60), random.Next(60))).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
                    + (random.Next(2) == 0 ? "Z" : "+08:00"));
            case "time":
                return new FuzzText(new TimeOnly(random.Next(24), random.Next(60)).ToString("HH:mm:ss", CultureInfo.InvariantCulture));
            case "int16" or "int32" or "int64" or "uint8":
                return Whole(minimum, maximum);
            case "double" or "float" or "decimal":
                return new FuzzRaw(Math.Round((minimum ?? 0) + (random.NextDouble() * Math.Min((maximum ?? 100) - (minimum ?? 0), 100)), 2).ToString(CultureInfo.InvariantCulture), true);
            case "email":
                return new FuzzText($"{marker}@example.org");
            case "uri":
                return new FuzzText($"https://example.org/{marker}");
        }

        if (types.Contains("integer"))
        {
            return Whole(minimum, maximum);
        }

        if (types.Contains("number"))
        {
            return new FuzzRaw(Math.Round((minimum ?? 0) + (random.NextDouble() * 100), 2).ToString(CultureInfo.InvariantCulture), true);
        }

        if (types.Contains("boolean"))
        {
            return new FuzzRaw(random.Next(2) == 0 ? "true" : "false");
        }

        if (types.Contains("array"))
        {
            var array = new FuzzArray();
            var least = (int)(Number(schema, "minItems") ?? 0);
            var count = random.Next(least, Math.Max(least, Math.Min((int)(Number(schema, "maxItems") ?? 3), 3)) + 1);
            for (var i = 0; i < count && depth < 6; i++)
            {
                array.Items.Add(Value(schema.TryGetProperty("items", out var items) ? items : default, schemas, marker, depth + 1));
            }

            return array;
        }

        if (types.Contains("object") || schema.TryGetProperty("properties", out _))
        {
            var result = new FuzzObject();
            var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
            if (schema.TryGetProperty("properties", out var properties) && depth < 6)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    // Whatever may be left out is left out now and then; the rest is always there.
                    if (required.Contains(property.Name) || !IsNullable(property.Value) || random.Next(3) > 0)
                    {
                        result.Members.Add(new(property.Name, Value(property.Value, schemas, marker, depth + 1)));
                    }
                }
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object && depth < 6)
            {
                result.Members.Add(new(marker, Value(additional, schemas, marker, depth + 1)));
            }

            return result;
        }

        var least2 = (int)(Number(schema, "minLength") ?? 0);
        var most = (int)(Number(schema, "maxLength") ?? 200);
        var text = random.Next(3) switch
        {
            0 => marker,
            1 => $"{marker} 党员之家",
            _ => $"{marker} {random.Next(1000)}",
        };
        text = text.Length > most ? text[..most] : text.PadRight(least2, 'x');
        return new FuzzText(text);
    }

    /// <summary>A small whole number within the documented range.</summary>
    private FuzzRaw Whole(double? minimum, double? maximum)
    {
        var low = (long)Math.Max(minimum ?? 1, -1_000_000);
        var high = (long)Math.Min(maximum ?? 20, low + 20);
        return new FuzzRaw(random.NextInt64(low, Math.Max(low, high) + 1).ToString(CultureInfo.InvariantCulture), true);
    }

    private string ValidValue(JsonElement schema, JsonElement schemas, string marker) => Value(schema, schemas, marker, 0) switch
    {
        FuzzText t => t.Value,
        FuzzRaw r => r.Text,
        _ => marker,
    };

    private Guid NewGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private DateOnly Date() => new DateOnly(2020, 1, 1).AddDays(random.Next(365 * 7));

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private T Pick<T>(IReadOnlyList<T> from) => from[random.Next(from.Count)];

    // ---- mutations of the JSON ----

    private static readonly string[] OutOfRange =
    [
        "99999999999999999999", "-99999999999999999999", "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809",
        "1e400", "-1e400", "1e-400", "1.5", "-0", "0", "-1", "1E+2", "12345678901234567890.123", "79228162514264337593543950336",
        "0.0000000000000000000000000000001", "1" + new string('0', 400),
    ];

    private static readonly string[] BadFormats =
    [
        "", " ", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "2025-02-30", "2025-13-01", "0000-00-00", "9999-12-31T23:59:59Z",
        "0001-01-01", "-1", "24:61:00", "NoSuchValue", "null", "true", "1e400", "NaN", "Infinity", "{}", "\u200b", "🀄🀄",
        "2025-03-04T10:00:00+99:00", "../../etc/passwd", "'; DROP TABLE x; --", "<script>", "%00", "\t\r\n",
    ];

    private void BreakTree(string kind, FuzzPart tree, string marker)
    {
        var all = tree.All().ToList();
        var objects = all.Where(a => a.Part is FuzzObject).Select(a => (FuzzObject)a.Part).ToList();
        var leaves = all.Where(a => a.Parent is not null && a.Part is FuzzText or FuzzRaw).ToList();
        var members = all.Where(a => a.Parent is not null).ToList();
        switch (kind)
        {
            case "duplicate property" when objects.Any(o => o.Members.Count > 0):
                var owner = Pick(objects.Where(o => o.Members.Count > 0).ToList());
                var member = Pick(owner.Members);
                var name = random.Next(2) == 0 ? member.Key : Recase(member.Key);
                var value = random.Next(2) == 0 ? member.Value : new FuzzText(marker);
                owner.Members.Insert(random.Next(owner.Members.Count + 1), new(name, value));
                break;
            case "unpaired surrogate" or "NUL":
                var odd = kind == "NUL" ? "\0" : Pick(["\ud800", "\udbff", "\udc00", "\udfff", "\udc00\ud800"]);
                var texts = all.Where(a => a.Part is FuzzText).Select(a => (FuzzText)a.Part).ToList();
                if (texts.Count > 0 && random.Next(4) > 0)
                {
                    var text = Pick(texts);
                    text.Value = text.Value.Insert(random.Next(text.Value.Length + 1), odd);
                }
                else if (objects.Count > 0)
                {
                    var into = Pick(objects);
                    into.Members.Add(new(random.Next(2) == 0 ? $"a{odd}b" : "extra", new FuzzText(marker + odd)));
                }

                break;
            case "deep nesting":
                var depth = Pick([65, 100, 1000, 10_000]);
                Put(tree, members, objects, new FuzzRaw(random.Next(2) == 0
                    ? new string('[', depth) + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)));
                break;
            case "huge array":
                var size = Pick([1_000, 20_000, 100_000, 250_000]);
                var item = Pick(["1", "\"" + marker + "\"", "{}", "[]", "null"]);
                var items = item.Length > 3 ? Math.Min(size, 60_000) : size;
                Put(tree, members, objects, new FuzzRaw("[" + string.Join(',', Enumerable.Repeat(item, items)) + "]"));
                break;
            case "number out of range":
                var numbers = leaves.Where(l => l.Part is FuzzRaw { IsNumber: true }).ToList();
                var target = numbers.Count > 0 && random.Next(4) > 0 ? Pick(numbers) : leaves.Count > 0 ? Pick(leaves) : default;
                if (target.Parent is not null)
                {
                    target.Parent.Replace(target.Part, new FuzzRaw(Pick(OutOfRange), true));
                }
                else if (objects.Count > 0)
                {
                    Pick(objects).Members.Add(new("count", new FuzzRaw(Pick(OutOfRange), true)));
                }

                break;
            case "wrong type":
                var wrong = Pick<FuzzPart>([new FuzzText(marker), new FuzzRaw("123", true), new FuzzRaw("true"), new FuzzRaw("null"), new FuzzObject(), new FuzzArray(),
                    new FuzzRaw("{\"x\":[]}"), new FuzzRaw("[\"" + marker + "\"]"), new FuzzRaw("-1.5", true)]);
                Put(tree, members, objects, wrong);
                break;
            case "missing property" when objects.Any(o => o.Members.Count > 0):
                var from = Pick(objects.Where(o => o.Members.Count > 0).ToList());
                from.Members.RemoveAt(random.Next(from.Members.Count));
                break;
            case "unknown property" or "missing property" or "duplicate property" when objects.Count > 0:
                Pick(objects).Members.Add(new(Pick(["extra", "__proto__", "$type", "$id", "id", "Id", "constructor", "a.b", "", marker, "items[0]"]),
                    Pick<FuzzPart>([new FuzzText(marker), new FuzzRaw("1", true), new FuzzRaw("{\"$type\":\"System.Object\"}"), new FuzzRaw("null")])));
                break;
            case "bad format":
                var textLeaves = leaves.Where(l => l.Part is FuzzText).ToList();
                var bad = Pick(BadFormats);
                if (textLeaves.Count > 0)
                {
                    var (part, parent) = Pick(textLeaves);
                    parent!.Replace(part, random.Next(5) == 0 ? new FuzzRaw(Pick(["99", "-1", "1.5", "0"]), true) : new FuzzText(bad));
                }
                else
                {
                    Put(tree, members, objects, new FuzzText(bad));
                }

                break;
            case "long text":
                var length = Pick([300, 2_000, 70_000, 600_000]);
                var longText = new FuzzText(string.Concat(Enumerable.Repeat(marker + " 党员", (length / (marker.Length + 3)) + 1))[..length]);
                var strings = leaves.Where(l => l.Part is FuzzText).ToList();
                if (strings.Count > 0)
                {
                    var (part, parent) = Pick(strings);
                    parent!.Replace(part, longText);
                }
                else
                {
                    Put(tree, members, objects, longText);
                }

                break;
        }
    }

    /// <summary>Puts <paramref name="value"/> in place of some member of the body, or adds it when the body has none.</summary>
    private void Put(FuzzPart tree, List<(FuzzPart Part, FuzzPart? Parent)> members, List<FuzzObject> objects, FuzzPart value)
    {
        if (members.Count > 0 && random.Next(5) > 0)
        {
            var (part, parent) = Pick(members);
            parent!.Replace(part, value);
        }
        else if (objects.Count > 0)
        {
            Pick(objects).Members.Add(new("extra", value));
        }
        else if (tree is FuzzArray array)
        {
            array.Items.Add(value);
        }
    }

    private string Recase(string name) =>
        name.Length == 0 ? "" : random.Next(2) == 0 ? name.ToUpperInvariant() : char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>The same kinds of fault in a body that is not JSON (an upload).</summary>
    private byte[] BreakText(string kind, byte[] body, string marker)
    {
        var at = body.Length == 0 ? 0 : random.Next(body.Length + 1);
        byte[] odd = kind switch
        {
            "NUL" => [0],
            "unpaired surrogate" => [0xED, 0xA0, 0x80],
            "long text" => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(marker + ",", Pick([100, 10_000, 60_000])))),
            "huge array" => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"{marker},x\r\n", Pick([1_000, 30_000, 70_000])))),
            _ => [],
        };
        return [.. body[..at], .. odd, .. body[at..]];
    }

    // ---- mutations of the bytes and content type ----

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "multipart/form-data",
        "application/json; charset=utf-16", "application/json; charset=iso-8859-1", "application/json; charset=nonsense", "application/*", "*/*",
        "json", "application/jsonx", "application/merge-patch+json", "application/problem+json", "text/json", "application/json;;;",
        "application/json; charset=\"utf-8\"", "APPLICATION/JSON", "text/csv", "application/octet-stream", "application/json; boundary=x",
        "application/vnd.api+json", "image/png", "a/b/c", ";", "application/json, text/plain",
    ];

    private (byte[]? Body, string? ContentType) BreakBytes(string kind, Operation operation, byte[]? body, string? contentType, string marker)
    {
        body ??= [];
        switch (kind)
        {
            case "wrong content type":
                return (body, Pick(ContentTypes));
            case "no content type":
                return (body, null);
            case "empty body":
                return ([], random.Next(4) == 0 ? null : contentType);
            case "truncated body":
                return (body[..random.Next(body.Length)], contentType);
            case "invalid UTF-8":
                var bad = Pick<byte[]>([[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]]);
                var inside = Encoding.UTF8.GetBytes(marker) is var m && body.AsSpan().IndexOf(m) is >= 0 and var i ? i : random.Next(body.Length + 1);
                return ([.. body[..inside], .. bad, .. body[inside..]], contentType);
            case "trailing garbage":
                return ([.. body, .. Encoding.UTF8.GetBytes(Pick(["}", " x", ",{}", "\n{}", "\0", "]", "/* */"]))], contentType);
            case "byte order mark":
                return ([0xEF, 0xBB, 0xBF, .. body], contentType);
            case "not an object":
                return (Encoding.UTF8.GetBytes(Pick(["[]", "null", $"\"{marker}\"", "42", "true", "[{}]", "{}", $"[\"{marker}\"]", "1e400"])), contentType ?? "application/json");
            case "body on a read":
                return (Encoding.UTF8.GetBytes(Pick([$"{{\"name\":\"{marker}\"}}", "{}", "[]", marker, $"{{\"a\":1,\"a\":\"\\ud800\\u0000{marker}\"}}"])),
                    Pick<string?>(["application/json", "application/json", "text/plain", null]));
            default:
                return (body, contentType);
        }
    }

    // ---- mutations of path, query and headers ----

    private static readonly string[] OddPathValues =
    [
        "abc", "-1", "0", "99999999999", "99999999999999999999", new string('a', 3000), "%20", "..", "%2F", "%2e%2e", "%FF", "%ED%A0%80",
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "%E4%B8%AD%E6%96%87", ";", "%3B", "~", "1e400",
        "2025-02-30", "%7B00000000-0000-0000-0000-000000000000%7D", "0x10", "%F0%9F%98%80", "%C0%AF", "true", "null", "-", "%25",
    ];

    private static readonly string[] OddQueryValues =
    [
        "a%00b", "%00", "%FF", "%ED%A0%80", "abc", "1,2", "99999999999", "-1", "0", "", "%20", new string('x', 3000), "1e400", "NaN",
        "true", "..%2F..", "'--", "%F0%9F%98%80", "2025-02-30", "00000000-0000-0000-0000-000000000000", "+1", "0x10", "9999-12-31",
        "0001-01-01", "2147483648", "-2147483649", "%C0%AF", "%0D%0AX-Injected:%201", "%E4%B8%AD", "[]", "{}", "*", "%25%30%30",
    ];

    private void BreakRequest(string kind, Operation operation, Dictionary<string, string> path, List<KeyValuePair<string, string>> query, List<KeyValuePair<string, string>> headers)
    {
        var queryNames = operation.Parameters.Where(p => p.In == "query").Select(p => p.Name).ToList();
        switch (kind)
        {
            case "odd path value":
                var name = Pick(path.Keys.ToList());
                path[name] = Pick(OddPathValues);
                break;
            case "odd query value":
                var parameter = Pick(queryNames);
                query.RemoveAll(q => q.Key == parameter);
                query.Add(new(parameter, Pick(OddQueryValues)));
                break;
            case "repeated query parameter":
                var repeated = Pick(queryNames);
                query.Add(new(repeated, Pick(OddQueryValues)));
                query.Add(new(repeated, Pick(["1", "2", "abc", "%00"])));
                break;
            case "missing query parameter":
                query.RemoveAll(q => q.Key == Pick(queryNames));
                break;
            case "unknown query parameter":
                query.Add(new(Pick(["x", "%00", "a%00b", "page[size]", "__proto__", "", "%FF"]), Pick(OddQueryValues)));
                if (random.Next(4) == 0)
                {
                    query.Add(new("", Pick(["&&&", "=", "==x", "a=b=c"])));
                }

                break;
            case "long header":
                // Up to beyond the platform's 16 KB (a 431 problem), short of the server's own 32 KB.
                headers.Add(new(Pick(["X-Filler", "User-Agent", "Accept-Language", "Idempotency-Key", "Cookie"]), new string('x', Pick([1_000, 8_000, 15_000, 17_000, 20_000]))));
                break;
            case "many headers":
                for (var i = random.Next(20, 60); i > 0; i--)
                {
                    headers.Add(new($"X-Fuzz-{i}", new string('y', random.Next(1, 100))));
                }

                break;
            case "odd header":
                headers.Add(Pick<KeyValuePair<string, string>>(
                [
                    new("Accept", Pick(["application/xml", "text/html;q=0.9", "*/*;q=abc", "application/problem+json", "", ";;;"])),
                    new("Accept-Language", Pick(["xx-YY", "zh-CN,zh;q=0.9,en;q=abc", "*", "", "en;q=2", ",,,"])),
                    new("Accept-Charset", Pick(["utf-16", "nonsense", "*;q=0"])),
                    new("Accept-Encoding", Pick(["gzip", "br;q=abc", "identity;q=0", "zz"])),
                    new("Idempotency-Key", Pick([.. IdempotencyKeys, new string('k', 201), " ", "a b", "%00"])),
                    new("traceparent", Pick(["00-xyz-abc-01", "ff-" + new string('0', 32) + "-" + new string('0', 16) + "-00", "garbage"])),
                    new("If-Match", Pick(["*", "\"abc\"", "W/\"x\"", "garbage"])),
                    new("If-None-Match", Pick(["*", "\"abc\""])),
                    new("If-Modified-Since", Pick(["yesterday", "Mon, 32 Foo 2025 99:99:99 GMT"])),
                    new("X-Forwarded-For", Pick(["not-an-ip", "999.999.999.999", "::ffff:zz"])),
                    new("X-Forwarded-Proto", "gopher"),
                    new("Range", Pick(["bytes=abc", "bytes=0-0,-1", "lines=1-2"])),
                    new("Cookie", Pick(["a=b; ; c", "=;=", new string(';', 100)])),
                    new("Origin", Pick(["null", "http://evil.example", "garbage"])),
                    new("Content-Encoding", Pick(["gzip", "br", "nonsense"])),
                ]));
                break;
        }
    }
}
