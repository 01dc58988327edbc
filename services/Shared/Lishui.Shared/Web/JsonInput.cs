using System.Text.Json;

namespace Lishui.Shared.Web;

/// <summary>
/// Checks a JSON body before anything binds it: well formed, not nested too deep, no property twice in
/// one object (binding is case-insensitive, so neither <c>a</c>/<c>A</c>), and every string storable
/// text (no <c>\u0000</c>, which PostgreSQL cannot hold in text, no unpaired UTF-16 surrogate, valid UTF-8).
/// Errors name the field by its path (<c>items[2].name</c>; <c>$</c> for the body as a whole).
/// </summary>
public static class JsonInput
{
    public const int MaxDepth = 64;

    public static IReadOnlyList<FieldError> Check(ReadOnlySpan<byte> utf8)
    {
        var errors = new List<FieldError>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        var frames = new Stack<Frame>();
        string? pendingName = null;
        try
        {
            if (!reader.Read())
            {
                return [Malformed(1)];
            }

            do
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var path = ValuePath(frames, pendingName);
                        frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                        pendingName = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        Advance(frames);
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        var name = Text(ref reader, Join(frame.Path, "?"), errors);
                        if (name is not null && !frame.Names.Add(name))
                        {
                            var at = Join(frame.Path, name);
                            errors.Add(new FieldError(at, "json.duplicate-property", $"属性“{name}”在同一对象中出现了多次（不区分大小写）。",
                                $"The property '{name}' appears more than once in the same object (case-insensitive)."));
                        }

                        pendingName = name ?? "?";
                        break;
                    case JsonTokenType.String:
                        Text(ref reader, ValuePath(frames, pendingName), errors);
                        pendingName = null;
                        Advance(frames);
                        break;
                    default:
                        pendingName = null;
                        Advance(frames);
                        break;
                }
            }
            while (reader.Read());
        }
        catch (JsonException e)
        {
            return [Malformed((e.LineNumber ?? 0) + 1)];
        }

        return errors;
    }

    /// <summary>A string's text, or null (with an error) when it cannot be stored as text.</summary>
    private static string? Text(ref Utf8JsonReader reader, string path, List<FieldError> errors)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses unpaired surrogate escapes and invalid UTF-8 here.
            errors.Add(new FieldError(path, "text.invalid", "文本含有无效字符（如不成对的 UTF-16 代理项或无效的 UTF-8）。",
                "The text has invalid characters (an unpaired UTF-16 surrogate or invalid UTF-8)."));
            return null;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(new FieldError(path, "text.nul", "文本不能包含空字符（\\u0000）。", "The text must not contain the NUL character (\\u0000)."));
            return null;
        }

        // Reader guarantees this already; kept so a future reader change cannot let one through.
        if (!IsWellFormed(text))
        {
            errors.Add(new FieldError(path, "text.invalid", "文本含有无效字符（如不成对的 UTF-16 代理项或无效的 UTF-8）。",
                "The text has invalid characters (an unpaired UTF-16 surrogate or invalid UTF-8)."));
            return null;
        }

        return text;
    }

    /// <summary>True when <paramref name="text"/> is storable text: no NUL, no unpaired surrogate.</summary>
    public static bool IsStorable(string text) => !text.Contains('\0', StringComparison.Ordinal) && IsWellFormed(text);

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static FieldError Malformed(long line) =>
        new("$", "json.malformed", $"请求体不是有效的 JSON（第 {line} 行），或嵌套超过 {MaxDepth} 层。", $"The body is not valid JSON (line {line}), or nested deeper than {MaxDepth} levels.");

    private static void Advance(Stack<Frame> frames)
    {
        if (frames.TryPeek(out var parent) && parent.IsArray)
        {
            parent.Index++;
        }
    }

    private static string ValuePath(Stack<Frame> frames, string? name) =>
        !frames.TryPeek(out var parent) ? "$"
        : parent.IsArray ? $"{parent.Path}[{parent.Index}]"
        : Join(parent.Path, name ?? "?");

    private static string Join(string parent, string name) => parent == "$" ? name : $"{parent}.{name}";

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Index { get; set; }

        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
