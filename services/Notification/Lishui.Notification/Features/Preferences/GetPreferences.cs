using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Preferences;

/// <summary>Message preferences.</summary>
public static class GetPreferences
{
    public static RouteHandlerBuilder MapGetPreferences(this IEndpointRouteBuilder api) =>
        api.MapGet("/members/{memberId:guid}/preferences", GetAsync).RequireAccess(NotificationAccess.MemberOwned, NotificationAccess.RouteMember).WithTags("Preferences").WithName("GetPreferences").WithSummary("消息偏好 / Message preferences");

    private static async Task<PreferenceResponse> GetAsync(Guid memberId, NotificationDbContext db, CancellationToken ct) =>
        PreferenceResponse.From(memberId, await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.MemberId == memberId, ct));
}
