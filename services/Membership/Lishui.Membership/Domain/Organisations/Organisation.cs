using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.Organisations;

public readonly record struct OrganisationId(Guid Value);

/// <summary>党委 / 党总支 / 党支部 / 党群小组.</summary>
public enum OrganisationKind
{
    PartyCommittee,
    GeneralBranch,
    Branch,
    PartyMassGroup,
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
        OrganisationId id, string name, OrganisationKind kind, Organisation? parent, string? economicCooperative, DateTimeOffset now)
    {
        CheckRule(new OrganisationNameMustBeGivenRule(name));
        CheckRule(new OnlyTheTownCommitteeHasNoParentRule(kind, parent));
        if (parent is not null)
        {
            CheckRule(new OrganisationMustBeOpenRule(parent, "parentId"));
            CheckRule(new KindMustFitUnderParentRule(kind, parent.Kind));
        }

        CheckRule(new PartyMassGroupNeedsACooperativeRule(kind, economicCooperative));
        var organisation = new Organisation
        {
            Id = id,
            Name = name.Trim(),
            Kind = kind,
            ParentId = parent?.Id,
            Path = (parent?.Path ?? "/") + id.Value.ToString("N") + "/",
            EconomicCooperative = string.IsNullOrWhiteSpace(economicCooperative) ? null : economicCooperative.Trim(),
            CreatedAt = now,
        };
        organisation.NextVersion();
        return organisation;
    }

    public void Rename(string name)
    {
        CheckRule(new OrganisationMustBeOpenRule(this, "id"));
        CheckRule(new OrganisationNameMustBeGivenRule(name));
        Name = name.Trim();
        NextVersion();
    }

    /// <summary>
    /// Moves this organisation (and so its subtree) under <paramref name="newParent"/>; returns the
    /// old path prefix, which the caller rewrites on every descendant.
    /// </summary>
    public string MoveUnder(Organisation newParent)
    {
        CheckRule(new OrganisationMustBeOpenRule(this, "id"));
        CheckRule(new OrganisationMustBeOpenRule(newParent, "parentId"));
        CheckRule(new NoOrganisationMovesUnderItselfRule(this, newParent));
        CheckRule(new KindMustFitUnderParentRule(Kind, newParent.Kind));
        var oldPath = Path;
        ParentId = newParent.Id;
        Path = newParent.Path + Id.Value.ToString("N") + "/";
        NextVersion();
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

    public void Close(int openChildren, int membersOnRoll, DateTimeOffset now)
    {
        CheckRule(new OrganisationMustBeOpenRule(this, "id"));
        CheckRule(new OnlyAnEmptyOrganisationClosesRule(openChildren, membersOnRoll));
        ClosedAt = now;
        NextVersion();
    }
}
