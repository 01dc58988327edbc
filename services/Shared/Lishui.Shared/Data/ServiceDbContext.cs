using Lishui.Contracts;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Lishui.Shared.Data;

/// <summary>
/// A service's DbContext: tables and columns are the snake_case of the entity and property names
/// (EFCore.NamingConventions), so a configuration names a table or column only where it differs.
/// The entity configurations are the <see cref="IEntityTypeConfiguration{TEntity}"/> classes in the
/// context's namespace + <c>.Configurations</c>. The convention also names the columns EF expects
/// from <c>Database.SqlQuery&lt;T&gt;</c> for a record type: raw SQL returns them in snake case.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        optionsBuilder.UseSnakeCaseNamingConvention().ReplaceService<IHistoryRepository, MigrationsHistory>();
        // AddServiceDatabase registers it ahead of the audit interceptor; a context built by hand gets it too.
        var interceptors = optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
        if (!interceptors.Contains(DomainEventsToOutbox.Instance))
        {
            optionsBuilder.AddInterceptors(DomainEventsToOutbox.Instance);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Conventions.Add(_ => new EfCoreConstraintNames());
        // Recorded events are no entities: they leave through the outbox, never as tables.
        configurationBuilder.IgnoreAny<IntegrationEvent>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var configurations = GetType().Namespace + ".Configurations";
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly, t => t.Namespace == configurations);
    }
}
