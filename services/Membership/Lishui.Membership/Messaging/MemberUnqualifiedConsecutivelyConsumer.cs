using Lishui.Contracts.Assessment;
using Lishui.Contracts.Membership;
using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.Organisations;
using Lishui.Membership.Domain.WithdrawalAdvice;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Messaging;

/// <summary>
/// Assessment found a member Unqualified two final years in a row: open a withdrawal-advice case (劝退)
/// for the member's nearest party committee. Nothing happens to the member until the committee decides.
/// </summary>
public sealed partial class MemberUnqualifiedConsecutivelyConsumer(MembershipDbContext db, TimeProvider time, ILogger<MemberUnqualifiedConsecutivelyConsumer> log)
    : IdempotentConsumer<MemberUnqualifiedConsecutively, MembershipDbContext>(db)
{
    protected override string ConsumerName => "membership:member-unqualified-consecutively";

    protected override async Task HandleAsync(MemberUnqualifiedConsecutively message, CancellationToken ct)
    {
        // An unknown member fails and is retried, then parked in the _error queue: never dropped.
        var member = await Db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == new MemberId(message.MemberId), ct)
            ?? throw new InvalidOperationException($"Member {message.MemberId} is not on the roll.");
        if (!member.IsOnRoll)
        {
            LogLeftRoll(message.MemberId, member.Status);
            return;
        }

        // The same finding published again (another event id) opens no second case.
        if (await Db.WithdrawalAdviceCases.AnyAsync(c => c.MemberId == member.Id && c.Year == message.Year, ct))
        {
            return;
        }

        var committee = await NearestPartyCommitteeAsync(member.OrganisationId, ct);
        var now = time.GetUtcNow();
        var @case = WithdrawalAdviceCase.Open(
            Guid.CreateVersion7(now), member.Id, committee, member.OrganisationId, message.SchemeId, message.PreviousYear, message.Year, message.EventId, now);
        Db.WithdrawalAdviceCases.Add(@case);
    }

    /// <summary>The member's organisation or its closest ancestor that is a party committee (村党委, 镇党委).</summary>
    private async Task<Guid> NearestPartyCommitteeAsync(Guid organisationId, CancellationToken ct)
    {
        var organisation = await Db.Organisations.AsNoTracking().FirstAsync(o => o.Id == new OrganisationId(organisationId), ct);
        var ancestors = organisation.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(id => new OrganisationId(Guid.ParseExact(id, "N"))).ToList();
        var committees = await Db.Organisations.AsNoTracking()
            .Where(o => ancestors.Contains(o.Id) && o.Kind == OrganisationKind.PartyCommittee)
            .Select(o => o.Id).ToListAsync(ct);
        // Path runs from the root down: the last committee on it is the nearest.
        return ancestors.Last(committees.Contains).Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} is no longer on the roll ({Status}): no withdrawal-advice case opened")]
    private partial void LogLeftRoll(Guid memberId, MemberStatus status);
}
