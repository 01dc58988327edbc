using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

/// <summary>What kind of place a service position is (党群服务阵地).</summary>
public enum ServicePositionKind
{
    /// <summary>党校</summary>
    PartySchool,

    /// <summary>党群服务中心</summary>
    ServiceCentre,

    /// <summary>党群服务站 (in idle buildings, ancestral halls, under a banyan tree…)</summary>
    ServiceStation,
}

/// <summary>
/// 党群服务阵地: a place of an organisation where members study and residents are received: the town's
/// party school, a party–mass service centre, or a station such as 鹤峰村文化驿站 or the banyan-tree spot.
/// Study sessions and stationing visits refer to it; a removed place stays for what already refers to it.
/// </summary>
public sealed class ServicePosition
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 200;
    public const int MaxDescriptionLength = 1000;

    private ServicePosition()
    {
        Name = Address = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; }

    public ServicePositionKind Kind { get; private set; }

    public string Address { get; private set; }

    public string? Description { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public bool IsRemoved => RemovedAt is not null;

    public long Version { get; private set; }

    public static ServicePosition Create(
        Guid id, PairedOrganisation organisation, string name, ServicePositionKind kind, string address, string? description,
        IEnumerable<ServicePosition> sameOrganisation, DateTimeOffset now)
    {
        Rules.Check(new PositionOrganisationMustBeKnownAndOpenRule(organisation));
        Rules.Check(new PositionNameIsUniqueInItsOrganisationRule(name, null, sameOrganisation));
        return new ServicePosition
        {
            Id = id,
            OrganisationId = organisation.Id,
            Name = name.Trim(),
            Kind = kind,
            Address = address.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public void Change(string name, ServicePositionKind kind, string address, string? description, IEnumerable<ServicePosition> sameOrganisation, DateTimeOffset now)
    {
        Rules.Check(new PositionMustNotBeRemovedRule(this));
        Rules.Check(new PositionNameIsUniqueInItsOrganisationRule(name, Id, sameOrganisation));
        Name = name.Trim();
        Kind = kind;
        Address = address.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        UpdatedAt = now;
        Version++;
    }

    /// <summary>Removed from the lists; sessions and visits that were held there keep naming it.</summary>
    public void Remove(DateTimeOffset now)
    {
        RemovedAt ??= now;
        Version++;
    }

    /// <summary>The Chinese name of a kind, for people and the portal.</summary>
    public static string KindName(ServicePositionKind kind) => kind switch
    {
        ServicePositionKind.PartySchool => "党校",
        ServicePositionKind.ServiceCentre => "党群服务中心",
        _ => "党群服务站",
    };
}

public sealed record PositionOrganisationMustBeKnownAndOpenRule(PairedOrganisation Organisation) : IBusinessRule
{
    public bool IsBroken() => !Organisation.IsKnown || Organisation.IsClosed;

    public string Code => Organisation.IsKnown ? "service-position.organisation-closed" : "service-position.organisation-unknown";

    public string Field => "organisationId";

    public string MessageZh => Organisation.IsKnown ? $"组织“{Organisation.Name}”已撤销，不能设立服务阵地。" : "该组织不存在（或尚未同步）。";

    public string MessageEn => Organisation.IsKnown ? $"The organisation '{Organisation.Name}' is closed." : "The organisation is not known (or not yet synchronised).";
}

public sealed record PositionNameIsUniqueInItsOrganisationRule(string Name, Guid? Self, IEnumerable<ServicePosition> SameOrganisation) : IBusinessRule
{
    public bool IsBroken() => SameOrganisation.Any(p => p.Id != Self && !p.IsRemoved && p.Name == Name.Trim());

    public string Code => "service-position.name-taken";

    public string Field => "name";

    public string MessageZh => $"本组织已有名为“{Name.Trim()}”的服务阵地。";

    public string MessageEn => $"The organisation already has a service position named '{Name.Trim()}'.";
}

public sealed record PositionMustNotBeRemovedRule(ServicePosition Position) : IBusinessRule
{
    public bool IsBroken() => Position.IsRemoved;

    public string Code => "service-position.removed";

    public string MessageZh => "该服务阵地已撤除。";

    public string MessageEn => "This service position was removed.";
}
