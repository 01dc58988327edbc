using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Data;

public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "projectsdb";

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.AddLocalMemberView();
    }
}
