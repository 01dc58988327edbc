using Lishui.Membership.Domain.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Membership.Data.Configurations;

internal sealed class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccess> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.RequestedBy).HasMaxLength(PersonalDataAccess.MaxRequestedByLength);
        e.Property(x => x.Purpose).HasMaxLength(PersonalDataAccess.MaxPurposeLength);
        e.HasIndex(x => new { x.MemberId, x.AccessedAt });
        e.HasIndex(x => new { x.RequestedBy, x.AccessedAt });
        e.HasIndex(x => x.AccessedAt);
    }
}
