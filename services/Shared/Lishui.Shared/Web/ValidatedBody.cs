using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lishui.Shared.Web;

/// <summary>A request that checks its own field rules once its JSON shape is right.</summary>
public interface IValidatableRequest
{
    IEnumerable<FieldError> Validate();
}

/// <summary>
/// A JSON request body bound field by field, so a client learns every missing or mistyped field
/// in one 400 instead of the first deserialisation error. Nothing runs before it is valid.
/// </summary>
public sealed record ValidatedBody<T>(T Value)
    where T : class
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static async ValueTask<ValidatedBody<T>?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        JsonNode? root;
        try
        {
            root = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException e)
        {
            throw new RequestValidationException([new FieldError("$", "json.malformed", $"请求体不是有效的 JSON（第 {e.LineNumber + 1} 行）。", $"The body is not valid JSON (line {e.LineNumber + 1}).")]);
        }

        if (root is not JsonObject body)
        {
            throw new RequestValidationException([new FieldError("$", "json.object-expected", "请求体应为 JSON 对象。", "The body must be a JSON object.")]);
        }

        var errors = new List<FieldError>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = json.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name;
            var node = body.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            if (node is null)
            {
                if (Nullability.Create(property).WriteState != NullabilityState.Nullable)
                {
                    errors.Add(new FieldError(name, "field.required", "此字段为必填项。", "This field is required."));
                }

                continue;
            }

            try
            {
                node.Deserialize(property.PropertyType, json);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                var expected = Describe(property.PropertyType);
                errors.Add(new FieldError(name, "field.wrong-type", $"此字段应为{expected.Zh}。", $"This field must be {expected.En}."));
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var value = body.Deserialize<T>(json)!;
        if (value is IValidatableRequest validatable && validatable.Validate().ToList() is { Count: > 0 } ruleErrors)
        {
            throw new RequestValidationException(ruleErrors);
        }

        return new ValidatedBody<T>(value);
    }

    private static (string Zh, string En) Describe(Type type)
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
            _ when type.IsPrimitive || type == typeof(decimal) => ("数字", "a number"),
            _ => ("正确格式的值", "a value of the right shape"),
        };
    }
}
