using Lishui.Notification.Domain.Templates;
using Lishui.Shared.Web;

namespace Lishui.Notification.Features.Templates;

public sealed record TemplateResponse(string Key, string Locale, int Version, string Title, string Body, IReadOnlyCollection<string> Placeholders, string ChangedBy, DateTimeOffset ChangedAt)
{
    public static TemplateResponse From(MessageTemplate t) =>
        new(t.Key, t.Locale, t.Version, t.Title, t.Body, TemplateKind.All[t.Key].Placeholders.Order().ToList(), t.ChangedBy, t.ChangedAt);
}

/// <summary><c>changedBy</c> is accepted for older clients but not used: who changed it is the token's caller.</summary>
public sealed record EditTemplateRequest(string Title, string Body, string? ChangedBy = null) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            yield return new FieldError("title", "field.required", "请填写标题。", "A title is required.");
        }

        if (string.IsNullOrWhiteSpace(Body))
        {
            yield return new FieldError("body", "field.required", "请填写正文。", "A body is required.");
        }
    }
}
