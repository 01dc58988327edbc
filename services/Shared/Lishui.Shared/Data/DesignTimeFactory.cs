using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lishui.Shared.Data;

/// <summary>
/// For <c>dotnet ef</c> (migrations add, has-pending-model-changes): makes the context without starting
/// the service, which would want a broker, keys and settings the tools have no use for.
/// </summary>
public abstract class DesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=localhost;Database=design").Options)!;
}
