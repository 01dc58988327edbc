using Lishui.Membership.Domain;
using Lishui.Membership.Domain.Commendations;
using Lishui.Membership.Domain.Households;
using Lishui.Membership.Domain.MemberImports;
using Lishui.Membership.Domain.OrganisationalTalks;
using Lishui.Membership.Domain.Organisations;
using Lishui.Membership.Domain.PersonalData;
using Lishui.Membership.Domain.WithdrawalAdvice;
using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Data;

public sealed class MembershipDbContext(DbContextOptions<MembershipDbContext> options) : PlatformDbContext(options, localDirectory: false)
{
    public const string ConnectionName = "membershipdb";

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<MemberStatusChange> MemberStatusChanges => Set<MemberStatusChange>();

    public DbSet<MemberTransfer> MemberTransfers => Set<MemberTransfer>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<PersonalDataAccess> PersonalDataAccessLog => Set<PersonalDataAccess>();

    public DbSet<MemberDetailsChange> MemberDetailsChanges => Set<MemberDetailsChange>();

    public DbSet<WithdrawalAdviceCase> WithdrawalAdviceCases => Set<WithdrawalAdviceCase>();

    public DbSet<MemberImport> MemberImports => Set<MemberImport>();

    public DbSet<Commendation> Commendations => Set<Commendation>();

    public DbSet<OrganisationalTalk> OrganisationalTalks => Set<OrganisationalTalk>();

    /// <summary>The offices a member holds now (tracked: a status change or transfer may end them).</summary>
    public Task<List<RoleAssignment>> ActiveRolesOfAsync(MemberId member, CancellationToken ct) =>
        RoleAssignments.Where(a => a.MemberId == member && a.RevokedOn == null).OrderBy(a => a.Id).ToListAsync(ct);

    /// <summary>The unique index on the ID number's keyed hash: a duplicate is reported on the idNumber field.</summary>
    public const string IdNumberHashIndex = "ix_members_id_number_hash";
}

internal sealed class MembershipDbContextDesignFactory : DesignTimeFactory<MembershipDbContext>;
