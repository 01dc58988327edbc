using Lishui.Membership.Domain;
using Lishui.Membership.Domain.Organisations;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Data;

public sealed class MembershipDbContext(DbContextOptions<MembershipDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "membershipdb";

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.Entity<Member>(e =>
        {
            e.ToTable("members");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").HasConversion(id => id.Value, value => new MemberId(value));
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(MemberNameMustBeGivenRule.MaxLength);
            e.Property(x => x.Gender).HasColumnName("gender").HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.BirthDate).HasColumnName("birth_date");
            e.Property(x => x.JoinedOn).HasColumnName("joined_on");
            e.Property(x => x.FullMemberOn).HasColumnName("full_member_on");
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.RegisteredAt).HasColumnName("registered_at");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.HasIndex(x => x.OrganisationId);
        });
        model.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").HasConversion(id => id.Value, value => new OrganisationId(value));
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(Organisation.MaxNameLength);
            e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.ParentId).HasColumnName("parent_id")
                .HasConversion(id => id.HasValue ? id.Value.Value : (Guid?)null, value => value.HasValue ? new OrganisationId(value.Value) : null);
            e.Property(x => x.Path).HasColumnName("path").HasMaxLength(1000).UseCollation("C");
            e.Property(x => x.EconomicCooperative).HasColumnName("economic_cooperative").HasMaxLength(100);
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.ClosedAt).HasColumnName("closed_at");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.Ignore(x => x.IsClosed);
            e.Ignore(x => x.Depth);
            e.HasIndex(x => x.Path);
            e.HasIndex(x => x.ParentId);
        });
    }
}
