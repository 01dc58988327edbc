using MassTransit;

namespace Lishui.Contracts.Membership;

/// <summary>
/// A member's details were corrected. Names which fields changed, never their values: the new name
/// travels only when the name changed (it is on every roll already); ID number, phone, e-mail and
/// birth date stay in Membership.
/// </summary>
[MessageUrn("lishui:membership:member-details-changed:v1")]
public sealed record MemberDetailsChanged : IntegrationEvent
{
    public required Guid MemberId { get; init; }

    /// <summary>Any of name, gender, birthDate, idNumber, phone, email.</summary>
    public required IReadOnlyList<string> ChangedFields { get; init; }

    /// <summary>The new name when it changed; null otherwise.</summary>
    public required string? Name { get; init; }
}
