using Lishui.Notification.Domain.Templates;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Data;

public sealed class TemplateLibrary(NotificationDbContext db, TemplateCache cache, TimeProvider time) : ITemplateLibrary
{
    public async Task<MessageTemplate> CurrentAsync(TemplateKind kind, string locale, CancellationToken ct)
    {
        if (!cache.TryGet(kind, locale, out var template))
        {
            var readAt = cache.Timestamp();
            template = await db.Templates.AsNoTracking()
                .Where(t => t.Key == kind.Key && t.Locale == locale)
                .OrderByDescending(t => t.Version)
                .FirstOrDefaultAsync(ct);
            cache.Set(kind, locale, template, readAt);
        }

        return template ?? DefaultTemplates.For(kind, locale, time.GetUtcNow());
    }
}
