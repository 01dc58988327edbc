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
public sealed partial record ValidatedBody<T>(T Value)
    where T : class
{
    // Read once per request type: NullabilityInfoContext is not thread-safe, and one shared by
    // concurrent requests threw "an item with the same key has already been added" (a 500).
    private static readonly (PropertyInfo Property, bool Required)[] Fields = ReadFields();

    private static (PropertyInfo, bool)[] ReadFields()
    {
        var nullability = new NullabilityInfoContext();
        return typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
            .Select(p => (p, nullability.Create(p).WriteState != NullabilityState.Nullable)).ToArray();
    }

    public static async ValueTask<ValidatedBody<T>?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var request = http.Request;
        using var bytes = new MemoryStream();
        await request.Body.CopyToAsync(bytes, http.RequestAborted);
        if (bytes.Length == 0)
        {
            throw new RequestValidationException([new FieldError("$", "json.empty", "请求体为空，应为 JSON 对象。", "The body is empty; it must be a JSON object.")]);
        }

        if (!request.HasJsonContentType())
        {
            throw new RequestValidationException(
                [new FieldError("Content-Type", "content-type.unsupported", "请求体应为 JSON（Content-Type: application/json）。", "The body must be JSON (Content-Type: application/json).")],
                StatusCodes.Status415UnsupportedMediaType);
        }

        // Duplicate properties, NUL and unpaired surrogates are refused here too, whoever hosts this.
        var utf8 = bytes.GetBuffer().AsMemory(0, (int)bytes.Length);
        if (JsonInput.Check(utf8.Span) is { Count: > 0 } inputErrors)
        {
            throw new RequestValidationException(inputErrors);
        }

        var root = JsonNode.Parse(utf8.Span);
        if (root is not JsonObject body)
        {
            throw new RequestValidationException([new FieldError("$", "json.object-expected", "请求体应为 JSON 对象。", "The body must be a JSON object.")]);
        }

        var errors = new List<FieldError>();
        foreach (var (property, required) in Fields)
        {
            var name = json.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name;
            var node = body.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            if (node is null)
            {
                if (required)
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
                var expected = ValueShapes.Describe(property.PropertyType);
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
}
