namespace Lishui.Shared.Web;

/// <summary>
/// An enum filter given in the query string as text, so a wrong value gets a Chinese problem naming the
/// field and its choices rather than the framework's English binding failure. Numbers are refused: they
/// would name a member of the enum by its position.
/// </summary>
public static class QueryEnums
{
    public static T? Parse<T>(string field, string? value, List<FieldError> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors.Add(new FieldError(field, "field.wrong-value", $"应为以下之一：{string.Join("、", Enum.GetNames<T>())}。",
            $"Must be one of: {string.Join(", ", Enum.GetNames<T>())}."));
        return null;
    }
}
