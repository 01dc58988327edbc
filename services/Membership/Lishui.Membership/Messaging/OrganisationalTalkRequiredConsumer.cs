using Lishui.Contracts.Assessment;
using Lishui.Contracts.Membership;
using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.OrganisationalTalks;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Membership.Messaging;

/// <summary>Assessment graded a member Unqualified in a final result: the member's organisation owes them a talk (组织谈话) by its due date.</summary>
public sealed partial class OrganisationalTalkRequiredConsumer(
    MembershipDbContext db, TimeProvider time, IOptions<OrganisationalTalkOptions> options, ILogger<OrganisationalTalkRequiredConsumer> log)
    : IdempotentConsumer<OrganisationalTalkRequired, MembershipDbContext>(db)
{
    protected override string ConsumerName => "membership:organisational-talk-required";

    protected override async Task HandleAsync(OrganisationalTalkRequired message, CancellationToken ct)
    {
        // An unknown member fails and is retried, then parked in the _error queue: never dropped.
        var member = await Db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == new MemberId(message.MemberId), ct)
            ?? throw new InvalidOperationException($"Member {message.MemberId} is not on the roll.");
        if (!member.IsOnRoll)
        {
            LogLeftRoll(message.MemberId, member.Status);
            return;
        }

        // The same finding published again (another event id) opens no second talk.
        if (await Db.OrganisationalTalks.AnyAsync(t => t.MemberId == member.Id && t.Year == message.Year, ct))
        {
            return;
        }

        var now = time.GetUtcNow();
        var dueOn = options.Value.DueWithinDays is { } days ? TownCalendar.DateOf(now).AddDays(days) : message.DueOn;
        Db.OrganisationalTalks.Add(OrganisationalTalk.Open(
            Guid.CreateVersion7(now), member.Id, member.OrganisationId, message.Year, message.SchemeId, message.NoticeId, message.EventId, dueOn, now));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} is no longer on the roll ({Status}): no organisational talk opened")]
    private partial void LogLeftRoll(Guid memberId, MemberStatus status);
}
