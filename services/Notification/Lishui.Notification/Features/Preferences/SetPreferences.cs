using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Preferences;

/// <summary>Set preferences.</summary>
public static class SetPreferences
{
    public static RouteHandlerBuilder MapSetPreferences(this IEndpointRouteBuilder api) =>
        api.MapPut("/members/{memberId:guid}/preferences", PutAsync).RequireAccess(NotificationAccess.MemberOwned, NotificationAccess.RouteMember).WithTags("Preferences").WithName("SetPreferences").WithSummary("设置消息偏好 / Set preferences")
            .Accepts<PreferenceRequest>("application/json");

    private static async Task<PreferenceResponse> PutAsync(
        Guid memberId, ValidatedBody<PreferenceRequest> body, NotificationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var request = body.Value;
        var preference = await db.Preferences.FirstOrDefaultAsync(p => p.MemberId == memberId, ct);
        if (preference is null)
        {
            preference = RecipientPreference.For(memberId);
            db.Preferences.Add(preference);
        }

        var now = time.GetUtcNow();
        if (request.Locale is not null)
        {
            preference.Change(request.Locale, now);
        }

        if (request.Channels is not null)
        {
            preference.ChooseChannels(request.Channels.Select(Enum.Parse<DeliveryChannel>), now);
        }

        if (request.QuietHours is { } quiet && PreferenceRequest.TryTime(quiet.Start, out var start) && PreferenceRequest.TryTime(quiet.End, out var end))
        {
            preference.SetQuietHours(new QuietHours(start, end), now);
        }

        await db.SaveChangesAsync(ct);
        return PreferenceResponse.From(memberId, preference);
    }
}
