using Lishui.Assessment.Domain;
using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Data;

public sealed class AssessmentDbContext(DbContextOptions<AssessmentDbContext> options) : PlatformDbContext(options)
{
    public const string ConnectionName = "assessmentdb";

    public DbSet<Scheme> Schemes => Set<Scheme>();

    public DbSet<SchemeVersion> SchemeVersions => Set<SchemeVersion>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<Notice> Notices => Set<Notice>();

    public DbSet<AssessmentResult> Results => Set<AssessmentResult>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<ImportedResult> ImportedResults => Set<ImportedResult>();

    public DbSet<LocalMember> Members => Set<LocalMember>();

    public DbSet<LocalOrganisation> Organisations => Set<LocalOrganisation>();

    public DbSet<LocalHousehold> Households => Set<LocalHousehold>();

    public DbSet<GovernanceFact> GovernanceFacts => Set<GovernanceFact>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddLocalHouseholdView();
        base.OnModelCreating(model);
    }
}

internal sealed class AssessmentDbContextDesignFactory : DesignTimeFactory<AssessmentDbContext>;
