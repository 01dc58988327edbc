using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace Lishui.Shared.Data;

/// <summary>
/// The snake-case convention would rename the migrations history table's columns too (migration_id,
/// product_version), and EF would then not find the migrations it applied. EFCore.NamingConventions
/// has no switch for this, so the history table keeps EF Core's own names here.
/// </summary>
#pragma warning disable EF1001 // Npgsql's history repository is the provider's; only its table mapping is changed.
public sealed class MigrationsHistory(HistoryRepositoryDependencies dependencies) : NpgsqlHistoryRepository(dependencies)
{
    protected override void ConfigureTable(EntityTypeBuilder<HistoryRow> history)
    {
        base.ConfigureTable(history);
        history.HasKey(h => h.MigrationId).HasName("PK_" + TableName);
        history.Property(h => h.MigrationId).HasColumnName(nameof(HistoryRow.MigrationId));
        history.Property(h => h.ProductVersion).HasColumnName(nameof(HistoryRow.ProductVersion));
    }
}
#pragma warning restore EF1001
