using Lishui.Notification.Domain.Templates;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Data;

public sealed class TemplateLibrary(NotificationDbContext db, TimeProvider time) : ITemplateLibrary
{
    public async Task<MessageTemplate> CurrentAsync(TemplateKind kind, string locale, CancellationToken ct) =>
        await db.Templates.AsNoTracking()
            .Where(t => t.Key == kind.Key && t.Locale == locale)
            .OrderByDescending(t => t.Version)
            .FirstOrDefaultAsync(ct)
        ?? DefaultTemplates.For(kind, locale, time.GetUtcNow());
}
