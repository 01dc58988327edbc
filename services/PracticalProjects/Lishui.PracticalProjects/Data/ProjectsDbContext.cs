using Lishui.PracticalProjects.Domain.Batches;
using Lishui.PracticalProjects.Domain.EchoWall;
using Lishui.PracticalProjects.Domain.Funds;
using Lishui.PracticalProjects.Domain.Opinions;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Data;

public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : PlatformDbContext(options)
{
    public const string ConnectionName = "projectsdb";

    public DbSet<PracticalProject> Projects => Set<PracticalProject>();

    public DbSet<OpinionCollection> OpinionCollections => Set<OpinionCollection>();

    public DbSet<ResidentRequest> ResidentRequests => Set<ResidentRequest>();

    public DbSet<RequesterContact> RequesterContacts => Set<RequesterContact>();

    public DbSet<ContactAccess> ContactAccessLog => Set<ContactAccess>();

    public DbSet<EchoPost> EchoPosts => Set<EchoPost>();

    public DbSet<SatisfactionRating> Ratings => Set<SatisfactionRating>();

    public DbSet<SignatureImage> SignatureImages => Set<SignatureImage>();

    public DbSet<LocalHousehold> Households => Set<LocalHousehold>();

    public DbSet<SpecialFund> SpecialFunds => Set<SpecialFund>();

    public DbSet<ProjectBatch> Batches => Set<ProjectBatch>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddLocalHouseholdView();
        base.OnModelCreating(model);
    }
}

internal sealed class ProjectsDbContextDesignFactory : DesignTimeFactory<ProjectsDbContext>;
