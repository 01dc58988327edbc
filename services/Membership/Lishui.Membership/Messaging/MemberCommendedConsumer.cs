using Lishui.Contracts.Assessment;
using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.Commendations;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Messaging;

/// <summary>Assessment graded a member Excellent in a final result: the roll keeps the commendation (表彰) for that year.</summary>
public sealed class MemberCommendedConsumer(MembershipDbContext db, TimeProvider time)
    : IdempotentConsumer<MemberCommended, MembershipDbContext>(db)
{
    protected override string ConsumerName => "membership:member-commended";

    protected override async Task HandleAsync(MemberCommended message, CancellationToken ct)
    {
        // An unknown member fails and is retried, then parked in the _error queue: never dropped.
        var member = await Db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == new MemberId(message.MemberId), ct)
            ?? throw new InvalidOperationException($"Member {message.MemberId} is not on the roll.");

        // The same finding published again (another event id) records no second commendation.
        if (await Db.Commendations.AnyAsync(c => c.MemberId == member.Id && c.Year == message.Year, ct))
        {
            return;
        }

        var now = time.GetUtcNow();
        Db.Commendations.Add(Commendation.Record(
            Guid.CreateVersion7(now), member.Id, member.OrganisationId, message.Year, message.SchemeId, message.NoticeId, message.EventId, message.OccurredAt, now));
    }
}
