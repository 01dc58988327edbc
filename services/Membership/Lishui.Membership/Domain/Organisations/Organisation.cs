using Lishui.Contracts.Membership;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.Organisations;

public readonly record struct OrganisationId(Guid Value);

/// <summary>
/// Which part of the town an organisation belongs to (the article's 村/社区, 机关, 教育系统, 公有资产系统
/// and 两新 organisations), apart from its <see cref="OrganisationKind"/>: a village's party committee and an
/// organ's branch differ in sector, not only in structure. A subtree below the town is one sector.
/// </summary>
public enum OrganisationSector
{
    /// <summary>The town party committee itself (镇党委).</summary>
    Town,

    /// <summary>Villages and residential communities (村/社区), down to their party–mass groups.</summary>
    Village,

    /// <summary>Town organs (机关), e.g. 党建工作办党支部.</summary>
    Organ,

    Education,

    PublicAsset,

    /// <summary>New economic and social organisations (两新组织).</summary>
    TwoNew,
}

public static class OrganisationLabels
{
    public static string Of(OrganisationKind kind) => kind switch
    {
        OrganisationKind.PartyCommittee => "党委",
        OrganisationKind.GeneralBranch => "党总支",
        OrganisationKind.Branch => "党支部",
        _ => "党群小组",
    };

    public static string Of(OrganisationSector sector) => sector switch
    {
        OrganisationSector.Town => "镇党委",
        OrganisationSector.Village => "村（社区）",
        OrganisationSector.Organ => "机关",
        OrganisationSector.Education => "教育系统",
        OrganisationSector.PublicAsset => "公有资产系统",
        _ => "两新组织",
    };

    /// <summary>"未分类" for an organisation set up before sectors were kept and not yet classified.</summary>
    public static string Of(OrganisationSector? sector) => sector is { } s ? Of(s) : "未分类";
}

/// <summary>
/// A party organisation in the town's tree. <see cref="Path"/> lists the ids from the root down to
/// this organisation, so a subtree is one prefix query and a cycle is one prefix check.
/// </summary>
public sealed class Organisation : AggregateRoot
{
    public const int MaxNameLength = 100;

    private Organisation()
    {
        Name = Path = string.Empty;
    }

    public OrganisationId Id { get; private set; }

    public string Name { get; private set; }

    public OrganisationKind Kind { get; private set; }

    /// <summary>Null only for organisations directly under the town that nobody has classified yet.</summary>
    public OrganisationSector? Sector { get; private set; }

    public OrganisationId? ParentId { get; private set; }

    /// <summary>"/root-id/.../own-id/".</summary>
    public string Path { get; private set; }

    /// <summary>The economic cooperative (经济社) a party–mass group belongs to.</summary>
    public string? EconomicCooperative { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsClosed => ClosedAt is not null;

    public int Depth => Path.Count(c => c == '/') - 2;

    public static Organisation Create(
        OrganisationId id, string name, OrganisationKind kind, Organisation? parent, string? economicCooperative, DateTimeOffset now,
        OrganisationSector? sector = null)
    {
        CheckRule(new OrganisationNameMustBeGivenRule(name));
        CheckRule(new OnlyTheTownCommitteeHasNoParentRule(kind, parent));
        if (parent is not null)
        {
            CheckRule(new OrganisationMustBeOpenRule(parent, "parentId"));
            CheckRule(new KindMustFitUnderParentRule(kind, parent.Kind));
        }

        CheckRule(new PartyMassGroupNeedsACooperativeRule(kind, economicCooperative));
        CheckRule(new OnlyTheTownCommitteeIsOfTheTownSectorRule(parent is null, sector));
        // Below a classified organisation the sector is the parent's; the town's own children choose theirs.
        var own = parent is null ? OrganisationSector.Town : sector ?? (parent.Sector is { } inherited && inherited != OrganisationSector.Town ? inherited : null);
        if (parent is not null)
        {
            CheckRule(new SectorMustFollowParentRule(own, parent.Sector));
        }

        var organisation = new Organisation
        {
            Id = id,
            Name = name.Trim(),
            Kind = kind,
            Sector = own,
            ParentId = parent?.Id,
            Path = (parent?.Path ?? "/") + id.Value.ToString("N") + "/",
            EconomicCooperative = string.IsNullOrWhiteSpace(economicCooperative) ? null : economicCooperative.Trim(),
            CreatedAt = now,
        };
        organisation.Record(new OrganisationCreated
        {
            ParentId = organisation.ParentId?.Value,
            Name = organisation.Name,
            Kind = organisation.Kind,
            EconomicCooperative = organisation.EconomicCooperative,
            Sector = organisation.Sector?.ToString(),
        }, now);
        return organisation;
    }

    public void Rename(string name, DateTimeOffset now)
    {
        CheckRule(new OrganisationMustBeOpenRule(this, "id"));
        CheckRule(new OrganisationNameMustBeGivenRule(name));
        Name = name.Trim();
        Record(new OrganisationRenamed { Name = Name }, now);
    }

    /// <summary>
    /// Moves this organisation (and so its subtree) under <paramref name="newParent"/>; returns the
    /// old path prefix, which the caller rewrites on every descendant.
    /// </summary>
    public string MoveUnder(Organisation newParent, DateTimeOffset now)
    {
        CheckRule(new OrganisationMustBeOpenRule(this, "id"));
        CheckRule(new OrganisationMustBeOpenRule(newParent, "parentId"));
        CheckRule(new NoOrganisationMovesUnderItselfRule(this, newParent));
        CheckRule(new KindMustFitUnderParentRule(Kind, newParent.Kind));
        CheckRule(new SectorMustFollowParentRule(Sector, newParent.Sector));
        var oldPath = Path;
        var previousParent = ParentId;
        ParentId = newParent.Id;
        Path = newParent.Path + Id.Value.ToString("N") + "/";
        Record(new OrganisationMoved { PreviousParentId = previousParent?.Value ?? Guid.Empty, ParentId = newParent.Id.Value }, now);
        return oldPath;
    }

    /// <summary>Keeps a descendant's path right after one of its ancestors moved (not a change of its own).</summary>
    public void Rebase(string oldPrefix, string newPrefix)
    {
        if (Path.StartsWith(oldPrefix, StringComparison.Ordinal))
        {
            Path = newPrefix + Path[oldPrefix.Length..];
        }
    }

    /// <summary>
    /// Puts this organisation (and so its subtree, which the caller reclassifies alongside) in
    /// <paramref name="sector"/>; only where the parent leaves the choice open, i.e. directly under the town.
    /// </summary>
    public void Reclassify(OrganisationSector sector, Organisation? parent, DateTimeOffset now)
    {
        CheckRule(new OrganisationMustBeOpenRule(this, "id"));
        CheckRule(new OnlyTheTownCommitteeIsOfTheTownSectorRule(parent is null, sector));
        if (parent is not null)
        {
            CheckRule(new SectorMustFollowParentRule(sector, parent.Sector));
        }

        var previous = Sector;
        Sector = sector;
        Record(new OrganisationReclassified { PreviousSector = previous?.ToString(), Sector = sector.ToString() }, now);
    }

    /// <summary>Keeps a descendant's sector with its reclassified ancestor's (not a change of its own).</summary>
    public void FollowSector(OrganisationSector sector) => Sector = sector;

    public void Close(int openChildren, int membersOnRoll, DateTimeOffset now)
    {
        CheckRule(new OrganisationMustBeOpenRule(this, "id"));
        CheckRule(new OnlyAnEmptyOrganisationClosesRule(openChildren, membersOnRoll));
        ClosedAt = now;
        Record(new OrganisationClosed(), now);
    }

    /// <summary>An organisation's events are about itself and belong to itself.</summary>
    private void Record<T>(T @event, DateTimeOffset now)
        where T : Lishui.Contracts.IntegrationEvent
    {
        Record(@event, Id.Value, Id.Value, now);
    }
}
