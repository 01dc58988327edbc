using System.Diagnostics;
using Lishui.Contracts.Membership;
using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Templates;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Messaging;

/// <summary>
/// Records the new member in the local view and puts a welcome, in their language, in their inbox;
/// messages parked because this member was not known yet become due again.
/// </summary>
public sealed class MemberRegisteredConsumer(NotificationDbContext db, ITemplateLibrary templates, TimeProvider time)
    : IdempotentConsumer<MemberRegistered, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(MemberRegistered message, CancellationToken ct)
    {
        var member = await Db.ApplyAsync(message, ct);
        var locale = await Db.Preferences.AsNoTracking().Where(p => p.MemberId == message.MemberId).Select(p => p.Locale).FirstOrDefaultAsync(ct)
            ?? RecipientPreference.DefaultLocale;
        var template = await templates.CurrentAsync(TemplateKind.Welcome, locale, ct);
        var now = time.GetUtcNow();
        Db.Notifications.Add(Domain.Notification.Create(
            Guid.CreateVersion7(now), message.MemberId, NotificationKind.Welcome, template.Render(new Dictionary<string, string> { ["name"] = member.Name }),
            message.EventId, Activity.Current?.TraceId.ToString(), now));
        await ParkedDispatches.WakeForMemberAsync(Db, member.MemberId, member.OrganisationId, now, ct);
    }
}
