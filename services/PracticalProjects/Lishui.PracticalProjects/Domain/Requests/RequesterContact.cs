using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Requests;

/// <summary>
/// A requester's contact left with this service (echo wall or a cadre's entry). Kept apart from the
/// request: never in a response about the request, read only through the contact endpoint, with each read logged.
/// </summary>
public sealed class RequesterContact
{
    public const int MaxNameLength = 50;

    private RequesterContact()
    {
        Name = Phone = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Set once the contact belongs to a request.</summary>
    public Guid? RequestId { get; private set; }

    /// <summary>Set when the contact was left with an echo-wall post.</summary>
    public Guid? EchoPostId { get; private set; }

    public string Name { get; private set; }

    public string Phone { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static RequesterContact? Create(Guid id, string? name, string? phone, Guid? requestId, Guid? echoPostId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) && string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        Rules.Check(new ContactMustBeCompleteRule(name, phone));
        return new RequesterContact { Id = id, Name = name!.Trim(), Phone = phone!.Trim(), RequestId = requestId, EchoPostId = echoPostId, RecordedAt = now };
    }

    public void BelongsTo(Guid requestId) => RequestId = requestId;
}

/// <summary>One read of a contact: who, why, when (the access log).</summary>
public sealed class ContactAccess
{
    public long Id { get; init; }

    public Guid RequestId { get; init; }

    public required string Purpose { get; init; }

    public required string RequestedBy { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>A contact is a name and a phone number (mainland mobile or landline), both or neither.</summary>
public sealed record ContactMustBeCompleteRule(string? Name, string? Phone) : IBusinessRule
{
    public bool IsBroken() =>
        string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > RequesterContact.MaxNameLength ||
        string.IsNullOrWhiteSpace(Phone) || !IsPhone(Phone.Trim());

    public string Code => "contact.invalid";

    public string Field => string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > RequesterContact.MaxNameLength ? "contactName" : "contactPhone";

    public string MessageZh => "联系方式须同时填写姓名（不超过 50 个字符）和有效的电话号码。";

    public string MessageEn => "A contact needs both a name (at most 50 characters) and a valid phone number.";

    private static bool IsPhone(string phone)
    {
        var digits = phone.Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }

        return digits.All(char.IsAsciiDigit) && (digits is ['1', _, ..] && digits.Length == 11 || digits is ['0', ..] && digits.Length is >= 10 and <= 12);
    }
}
