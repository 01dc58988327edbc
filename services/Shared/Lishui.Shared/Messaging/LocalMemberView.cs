using Lishui.Contracts.Membership;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Shared.Messaging;

/// <summary>
/// A service's own copy of who is on the member roll, built from Membership's events, so it can
/// resolve names and organisations without calling Membership. Holds no contact details.
/// </summary>
public sealed class LocalMember
{
    public Guid MemberId { get; init; }

    public Guid OrganisationId { get; set; }

    public required string Name { get; set; }

    public required string Status { get; set; }

    /// <summary>The member's event sequence last applied; older events are ignored.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public static class LocalMemberView
{
    public static ModelBuilder AddLocalMemberView(this ModelBuilder model)
    {
        model.Entity<LocalMember>(e =>
        {
            e.ToTable("local_members");
            e.HasKey(x => x.MemberId);
            e.Property(x => x.MemberId).HasColumnName("member_id");
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(50);
            e.Property(x => x.Status).HasColumnName("status").HasMaxLength(30);
            e.Property(x => x.Sequence).HasColumnName("sequence");
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            e.HasIndex(x => x.OrganisationId);
        });
        return model;
    }

    /// <summary>Applies a registration to the view; a stale or repeated event leaves it as it is.</summary>
    public static async Task<LocalMember> ApplyAsync(this DbContext db, MemberRegistered e, CancellationToken ct)
    {
        var member = await db.Set<LocalMember>().FindAsync([e.MemberId], ct);
        if (member is null)
        {
            member = new LocalMember { MemberId = e.MemberId, Name = e.Name, Status = e.Status };
            db.Set<LocalMember>().Add(member);
        }
        else if (member.Sequence >= e.Sequence)
        {
            return member;
        }

        member.OrganisationId = e.OrganisationId;
        member.Name = e.Name;
        member.Status = e.Status;
        member.Sequence = e.Sequence;
        member.UpdatedAt = e.OccurredAt;
        return member;
    }
}
