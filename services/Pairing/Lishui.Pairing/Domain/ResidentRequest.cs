using System.Text.RegularExpressions;
using Lishui.Contracts.Pairing;
using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

/// <summary>The fields of practical things for the masses (我为群众办实事) a request falls in.</summary>
public enum ResidentRequestCategory
{
    Education,
    HealthCare,
    Housing,
    EnvironmentalProtection,
    PublicSecurity,
    RuralRevitalisation,
    Other,
}

/// <summary>
/// 群众诉求: what a resident raised at a stationing visit. Identified publicly by its reference
/// number (驻点 ZD + year + sequence). The requester's phone is kept apart (<see cref="ResidentRequestContact"/>)
/// and never leaves this service in an event.
/// </summary>
public sealed class ResidentRequest : AggregateRoot
{
    public const int MaxSubjectLength = 500;
    public const int MaxLocationLength = 200;
    public const int MaxNameLength = 50;
    public const string ReferencePrefix = "ZD";

    private ResidentRequest()
    {
        ReferenceNumber = Subject = Location = RecordedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public string ReferenceNumber { get; private set; }

    public int Year { get; private set; }

    public int Number { get; private set; }

    public Guid StationingVisitId { get; private set; }

    public Guid VillageCommitteeId { get; private set; }

    public Guid StationedLeaderMemberId { get; private set; }

    public DateOnly RaisedOn { get; private set; }

    public Guid? RaisedByHouseholdId { get; private set; }

    public string? RaisedByName { get; private set; }

    public string Subject { get; private set; }

    public string Location { get; private set; }

    public ResidentRequestCategory Category { get; private set; }

    public bool ContactHeld { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>ZD2026-00017: prefix, year, then the request's number within the year.</summary>
    public static string FormatReference(int year, int number) => $"{ReferencePrefix}{year}-{number:00000}";

    /// <summary>Raised at <paramref name="visit"/>; <paramref name="number"/> comes from the year's counter.</summary>
    public static ResidentRequest Raise(
        Guid id,
        StationingVisit visit,
        int number,
        Guid? householdId,
        string? residentName,
        bool contactHeld,
        string subject,
        string location,
        ResidentRequestCategory category,
        string recordedBy,
        DateOnly today,
        DateTimeOffset now)
    {
        Rules.Check(new VisitMustHaveTakenPlaceRule(visit, today));
        Rules.Check(new RequesterMustBeNamedRule(householdId, residentName));
        var raisedOn = visit.HeldOn ?? visit.On;
        var request = new ResidentRequest
        {
            Id = id,
            Year = raisedOn.Year,
            Number = number,
            ReferenceNumber = FormatReference(raisedOn.Year, number),
            StationingVisitId = visit.Id,
            VillageCommitteeId = visit.VillageCommitteeId,
            StationedLeaderMemberId = visit.LeaderMemberId,
            RaisedOn = raisedOn,
            RaisedByHouseholdId = householdId,
            RaisedByName = string.IsNullOrWhiteSpace(residentName) ? null : residentName.Trim(),
            Subject = subject.Trim(),
            Location = location.Trim(),
            Category = category,
            ContactHeld = contactHeld,
            RecordedBy = recordedBy.Trim(),
            RecordedAt = now,
        };
        request.Record(new ResidentRequestRaised
        {
            RequestId = id,
            ReferenceNumber = request.ReferenceNumber,
            StationingVisitId = visit.Id,
            VillageCommitteeId = request.VillageCommitteeId,
            StationedLeaderMemberId = request.StationedLeaderMemberId,
            RaisedOn = raisedOn,
            RaisedByHouseholdId = householdId,
            RaisedByName = request.RaisedByName,
            Subject = request.Subject,
            Location = request.Location,
            Category = category.ToString(),
            ContactHeld = contactHeld,
        }, id, request.VillageCommitteeId, now);
        return request;
    }
}

/// <summary>The requester's contact, kept by Pairing so the answer can reach them; read only through the logged endpoint.</summary>
public sealed class ResidentRequestContact
{
    public Guid RequestId { get; init; }

    public string? Name { get; init; }

    public required string Phone { get; init; }
}

/// <summary>One read of a requester's contact: who, why, when (个人信息查阅记录).</summary>
public sealed class ResidentContactRead
{
    public const int MaxPurposeLength = 200;

    public Guid Id { get; init; }

    public Guid RequestId { get; init; }

    public required string RequestedBy { get; init; }

    public required string Purpose { get; init; }

    public DateTimeOffset ReadAt { get; init; }

    /// <summary>Whether there was a contact to hand out.</summary>
    public bool ContactHeld { get; init; }
}

/// <summary>Mainland China mobile numbers: 11 digits, 1 then 3–9. Spaces, dashes and a +86 prefix are tolerated.</summary>
public static partial class MainlandMobile
{
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var digits = input.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }

        return Pattern().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

public sealed record RequesterMustBeNamedRule(Guid? HouseholdId, string? ResidentName) : IBusinessRule
{
    public bool IsBroken() => HouseholdId is null && string.IsNullOrWhiteSpace(ResidentName);

    public string Code => "resident-request.requester-required";

    public string Field => "residentName";

    public string MessageZh => "请填写提出诉求的住户（householdId）或群众姓名（residentName）。";

    public string MessageEn => "Say who raised it: a household (householdId) or a named resident (residentName).";
}
