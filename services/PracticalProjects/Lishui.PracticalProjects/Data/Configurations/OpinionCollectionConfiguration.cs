using Lishui.PracticalProjects.Domain.Opinions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.PracticalProjects.Data.Configurations;

internal sealed class OpinionCollectionConfiguration : IEntityTypeConfiguration<OpinionCollection>
{
    public void Configure(EntityTypeBuilder<OpinionCollection> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasConversion(id => id.Value, v => new OpinionCollectionId(v));
        e.Property(x => x.Subject).HasMaxLength(OpinionCollection.MaxSubjectLength);
        e.Property(x => x.EconomicCooperative).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.OwnsMany(x => x.Positions, p =>
        {
            p.ToTable("household_positions");
            p.WithOwner().HasForeignKey("collection_id");
            p.Property<int>("id");
            p.HasKey("id");
            p.Property(h => h.Position).HasConversion<string>().HasMaxLength(20);
            p.Property(h => h.SignatureReference).HasMaxLength(100);
            p.Property(h => h.SignedName).HasMaxLength(HouseholdSignature.MaxSignedNameLength);
            p.HasIndex("collection_id", nameof(HouseholdPosition.HouseholdId), nameof(HouseholdPosition.Revision)).IsUnique();
        });
        e.Navigation(x => x.Positions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
