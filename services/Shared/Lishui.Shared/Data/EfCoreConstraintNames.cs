using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Lishui.Shared.Data;

/// <summary>
/// EFCore.NamingConventions also lower-cases the names of keys, foreign keys and indexes (pk_x, ix_x_y).
/// The databases have always had EF Core's own names for them (PK_x, IX_x_y, FK_x_y_z, built from the
/// snake_case table and column names), so this puts those back; names set in a configuration stay.
/// </summary>
public sealed class EfCoreConstraintNames : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            foreach (var key in entityType.GetDeclaredKeys().Where(k => k.GetNameConfigurationSource() == ConfigurationSource.Convention))
            {
                key.Builder.HasName(null);
            }

            foreach (var foreignKey in entityType.GetDeclaredForeignKeys().Where(k => k.GetConstraintNameConfigurationSource() == ConfigurationSource.Convention))
            {
                foreignKey.Builder.HasConstraintName(null);
            }

            foreach (var index in entityType.GetDeclaredIndexes().Where(i => i.GetDatabaseNameConfigurationSource() == ConfigurationSource.Convention))
            {
                index.Builder.HasDatabaseName(null);
            }
        }
    }
}
