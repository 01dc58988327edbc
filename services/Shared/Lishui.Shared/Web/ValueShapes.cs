using System.Globalization;

namespace Lishui.Shared.Web;

/// <summary>What a field or parameter of a type should look like, in words for people, and whether raw text parses as it.</summary>
internal static class ValueShapes
{
    public static (string Zh, string En) Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => ("文本", "a string"),
            _ when type == typeof(Guid) => ("标识符（UUID）", "a UUID"),
            _ when type == typeof(DateOnly) => ("日期（yyyy-MM-dd）", "a date (yyyy-MM-dd)"),
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => ("时间（ISO 8601）", "a date-time (ISO 8601)"),
            _ when type == typeof(bool) => ("true 或 false", "true or false"),
            _ when type.IsEnum => ($"以下之一：{string.Join("、", Enum.GetNames(type))}", $"one of: {string.Join(", ", Enum.GetNames(type))}"),
            _ when type == typeof(int) => ("整数（-2147483648 至 2147483647）", "a whole number (-2147483648 to 2147483647)"),
            _ when type == typeof(long) => ("整数", "a whole number"),
            _ when type.IsPrimitive || type == typeof(decimal) => ("数字", "a number"),
            _ => ("正确格式的值", "a value of the right shape"),
        };
    }

    /// <summary>Types a route or query value binds to by parsing text (the ones the services use).</summary>
    public static bool IsParsedFromText(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) || type.IsEnum || type == typeof(Guid) || type == typeof(bool)
            || type == typeof(byte) || type == typeof(short) || type == typeof(int) || type == typeof(long)
            || type == typeof(float) || type == typeof(double) || type == typeof(decimal)
            || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan);
    }

    /// <summary>At least as lenient as minimal API binding, so a value binding accepts is never refused here.</summary>
    public static bool Parses(Type type, string text)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var c = CultureInfo.InvariantCulture;
        const DateTimeStyles Dates = DateTimeStyles.AllowWhiteSpaces;
        return type switch
        {
            _ when type == typeof(string) => true,
            _ when type.IsEnum => Enum.TryParse(type, text, ignoreCase: true, out _),
            _ when type == typeof(Guid) => Guid.TryParse(text, out _),
            _ when type == typeof(bool) => bool.TryParse(text, out _),
            _ when type == typeof(byte) => byte.TryParse(text, NumberStyles.Integer, c, out _),
            _ when type == typeof(short) => short.TryParse(text, NumberStyles.Integer, c, out _),
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, c, out _),
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, c, out _),
            _ when type == typeof(float) => float.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, c, out _),
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, c, out _),
            _ when type == typeof(decimal) => decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, c, out _),
            _ when type == typeof(DateOnly) => DateOnly.TryParse(text, c, Dates, out _),
            _ when type == typeof(TimeOnly) => TimeOnly.TryParse(text, c, Dates, out _),
            _ when type == typeof(DateTime) => DateTime.TryParse(text, c, Dates, out _),
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.TryParse(text, c, Dates, out _),
            _ when type == typeof(TimeSpan) => TimeSpan.TryParse(text, c, out _),
            _ => true,
        };
    }
}
