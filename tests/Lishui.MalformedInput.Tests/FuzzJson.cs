using System.Globalization;
using System.Text;

namespace Lishui.MalformedInput.Tests;

/// <summary>
/// A JSON value the fuzz can break in ways a serializer refuses to write: an object may hold a name
/// twice, text may hold NUL or a lone surrogate (written as <c>\u0000</c> / <c>\ud800</c>), and raw
/// text stands for numbers out of any range or nesting no parser takes.
/// </summary>
public abstract class FuzzPart
{
    public string Json()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    public abstract void Write(StringBuilder to);

    /// <summary>This value and every value inside it, each with the container that holds it (null for the root).</summary>
    public IEnumerable<(FuzzPart Part, FuzzPart? Parent)> All(FuzzPart? parent = null)
    {
        yield return (this, parent);
        var children = this switch
        {
            FuzzObject o => o.Members.Select(m => m.Value),
            FuzzArray a => a.Items,
            _ => [],
        };
        foreach (var child in children.ToList())
        {
            foreach (var inner in child.All(this))
            {
                yield return inner;
            }
        }
    }

    /// <summary>Puts <paramref name="replacement"/> where <paramref name="old"/> is inside this container.</summary>
    public void Replace(FuzzPart old, FuzzPart replacement)
    {
        switch (this)
        {
            case FuzzObject o:
                var at = o.Members.FindIndex(m => ReferenceEquals(m.Value, old));
                o.Members[at] = new(o.Members[at].Key, replacement);
                break;
            case FuzzArray a:
                a.Items[a.Items.FindIndex(i => ReferenceEquals(i, old))] = replacement;
                break;
        }
    }

    public static void WriteText(StringBuilder to, string text)
    {
        to.Append('"');
        foreach (var c in text)
        {
            // Everything outside printable ASCII escaped, so a lone surrogate travels as its escape.
            _ = c switch
            {
                '"' => to.Append("\\\""),
                '\\' => to.Append("\\\\"),
                < ' ' or > '~' => to.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => to.Append(c),
            };
        }

        to.Append('"');
    }
}

public sealed class FuzzObject : FuzzPart
{
    public List<KeyValuePair<string, FuzzPart>> Members { get; } = [];

    public override void Write(StringBuilder to)
    {
        to.Append('{');
        for (var i = 0; i < Members.Count; i++)
        {
            if (i > 0)
            {
                to.Append(',');
            }

            WriteText(to, Members[i].Key);
            to.Append(':');
            Members[i].Value.Write(to);
        }

        to.Append('}');
    }
}

public sealed class FuzzArray : FuzzPart
{
    public List<FuzzPart> Items { get; } = [];

    public override void Write(StringBuilder to)
    {
        to.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                to.Append(',');
            }

            Items[i].Write(to);
        }

        to.Append(']');
    }
}

public sealed class FuzzText(string value) : FuzzPart
{
    public string Value { get; set; } = value;

    public override void Write(StringBuilder to) => WriteText(to, Value);
}

/// <summary>Written as it is: a number, true, false, null, or anything else no value model holds.</summary>
public sealed class FuzzRaw(string json, bool isNumber = false) : FuzzPart
{
    public string Text { get; } = json;

    public bool IsNumber { get; } = isNumber;

    public override void Write(StringBuilder to) => to.Append(Text);
}
