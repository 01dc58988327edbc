using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Preferences;

public sealed record PreferenceRequest(string Locale);

public sealed record PreferenceResponse(Guid MemberId, string Locale);

public static class Preferences
{
    public static IEndpointRouteBuilder MapPreferences(this IEndpointRouteBuilder api)
    {
        api.MapGet("/members/{memberId:guid}/preferences", GetAsync).WithName("GetPreferences").WithSummary("消息偏好 / Message preferences");
        api.MapPut("/members/{memberId:guid}/preferences", PutAsync).WithName("SetPreferences").WithSummary("设置消息偏好 / Set preferences")
            .Accepts<PreferenceRequest>("application/json");
        return api;
    }

    private static async Task<PreferenceResponse> GetAsync(Guid memberId, NotificationDbContext db, CancellationToken ct) =>
        new(memberId, await db.Preferences.AsNoTracking().Where(p => p.MemberId == memberId).Select(p => p.Locale).FirstOrDefaultAsync(ct)
            ?? RecipientPreference.DefaultLocale);

    private static async Task<PreferenceResponse> PutAsync(
        Guid memberId, Lishui.Shared.Web.ValidatedBody<PreferenceRequest> body, NotificationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var preference = await db.Preferences.FirstOrDefaultAsync(p => p.MemberId == memberId, ct);
        if (preference is null)
        {
            preference = RecipientPreference.For(memberId);
            db.Preferences.Add(preference);
        }

        preference.Change(body.Value.Locale, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new PreferenceResponse(memberId, preference.Locale);
    }
}
