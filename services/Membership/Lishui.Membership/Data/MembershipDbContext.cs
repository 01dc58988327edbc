using Lishui.Membership.Domain;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Data;

public sealed class MembershipDbContext(DbContextOptions<MembershipDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "membershipdb";

    public DbSet<Member> Members => Set<Member>();

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
    }
}
