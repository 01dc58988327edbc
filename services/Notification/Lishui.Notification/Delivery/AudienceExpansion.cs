using Lishui.Contracts.Membership;
using Lishui.Notification.Data;
using Lishui.Notification.Domain.Delivery;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Notification.Delivery;

/// <summary>
/// A dispatch to a group (an organisation's members, its committee, its secretary) becomes one dispatch
/// per member, each due at once or at the end of the member's digest window.
/// </summary>
public sealed class AudienceExpansion(NotificationDbContext db, DispatchSteps steps, IOptions<DeliveryOptions> options)
{
    private DeliveryOptions Options => options.Value;

    public async Task ExpandAsync(Dispatch dispatch, DateTimeOffset now, CancellationToken ct)
    {
        var organisationId = dispatch.AudienceOrganisationId;
        if (organisationId is null && dispatch.SubjectMemberId is { } subject)
        {
            organisationId = (await db.Set<LocalMember>().FindAsync([subject], ct))?.OrganisationId;
        }

        if (organisationId is not { } organisation)
        {
            steps.Park(dispatch, $"recipient-unknown: member {dispatch.SubjectMemberId} is not in the local view yet (MemberRegistered not received)", now);
            return;
        }

        var answering = organisation;
        List<Guid> members;
        switch (dispatch.Audience)
        {
            case Audience.Secretary:
                // Nobody holds the secretary's office here: the nearest secretary above answers for it.
                var nearest = await db.NearestSecretaryAsync(organisation, ct);
                (answering, members) = nearest is { } found ? found : (organisation, []);
                break;
            case Audience.Committee:
                members = await db.CommitteeOfAsync(organisation, ct);
                break;
            default:
                members = await MembersUnderAsync(organisation, ct);
                break;
        }

        if (members.Count == 0)
        {
            steps.Park(dispatch, $"no-recipient: no {dispatch.Audience} known for organisation {organisation} {(dispatch.Audience == Audience.Secretary ? "or above it " : "")}yet", now);
            return;
        }

        var already = await db.Dispatches
            .Where(d => d.SourceEventId == dispatch.SourceEventId && d.Kind == dispatch.Kind && d.Audience == Audience.Member && d.RecipientId != null && members.Contains(d.RecipientId.Value))
            .Select(d => d.RecipientId!.Value)
            .ToListAsync(ct);
        foreach (var member in members.Except(already))
        {
            var due = dispatch.Digestible ? await DispatchPlanner.DigestDueAtAsync(db, member, now, Options.DigestWindow, ct) : now;
            db.Dispatches.Add(dispatch.ForMember(member, due, now));
        }

        dispatch.Expanded(now);
        db.DeliveryLog.Add(DeliveryLogEntry.For(dispatch, null, "Expanded", dispatch.Attempts + 1, answering == organisation
            ? $"{members.Except(already).Count()} recipients in organisation {organisation}"
            : $"{members.Except(already).Count()} recipients: the secretary of organisation {answering}, the nearest above {organisation}", now));
    }

    private async Task<List<Guid>> MembersUnderAsync(Guid organisation, CancellationToken ct)
    {
        var subtree = await db.SubtreeAsync(organisation, ct);
        return await db.Set<LocalMember>().Where(m => subtree.Contains(m.OrganisationId) && MemberStatuses.InGoodStanding.Contains(m.Status)).Select(m => m.MemberId).ToListAsync(ct);
    }
}
