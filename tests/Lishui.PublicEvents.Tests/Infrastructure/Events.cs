using Lishui.Contracts;
using Lishui.Contracts.Assessment;
using Lishui.Contracts.Membership;
using Lishui.Contracts.PracticalProjects;

namespace Lishui.PublicEvents.Tests.Infrastructure;

/// <summary>Internal events as their owning services publish them.</summary>
public static class Events
{
    public static readonly Guid Hefeng = Guid.CreateVersion7();

    public static MemberRegistered MemberRegistered(DateTimeOffset at, Guid? member = null)
    {
        var id = member ?? Guid.CreateVersion7();
        return new MemberRegistered { MemberId = id, Name = "陈丽华", Status = MemberStatus.Full, JoinedOn = new DateOnly(2019, 7, 1) }.About(id, Hefeng, 1, at);
    }

    public static AssessmentNoticePublished NoticePublished(DateTimeOffset at)
    {
        var scheme = Guid.CreateVersion7();
        return new AssessmentNoticePublished
        {
            NoticeId = Guid.CreateVersion7(), SchemeId = scheme, Year = 2026, SubjectType = "Member", SubjectCount = 86,
            WindowOpensOn = new DateOnly(2026, 12, 1), WindowClosesOn = new DateOnly(2026, 12, 7),
        }.About(scheme, Hefeng, 3, at);
    }

    public static ProjectStatusChanged ProjectStatus(DateTimeOffset at, string status, Guid? project = null)
    {
        var id = project ?? Guid.CreateVersion7();
        return new ProjectStatusChanged { ProjectId = id, PreviousStatus = "Proposed", Status = status, EffectiveOn = DateOnly.FromDateTime(at.UtcDateTime) }
            .About(id, Hefeng, 2, at);
    }

    public static OrganisationCreated OrganisationCreated(DateTimeOffset at, string name)
    {
        var id = Guid.CreateVersion7();
        return new OrganisationCreated { ParentId = Hefeng, Name = name, Kind = OrganisationKind.PartyMassGroup, EconomicCooperative = name }.About(id, id, 1, at);
    }
}
