using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Data;

public sealed class AssessmentDbContext(DbContextOptions<AssessmentDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "assessmentdb";

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.AddLocalMemberView();
    }
}
