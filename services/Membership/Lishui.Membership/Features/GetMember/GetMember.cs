using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.GetMember;

public static class GetMember
{
    public static RouteHandlerBuilder MapGetMember(this IEndpointRouteBuilder api) =>
        api.MapGet("/members/{id:guid}", HandleAsync).RequireAccess(MembershipAccess.ReadSubtreeOrOwn, MembershipAccess.MemberInRoute).WithName("GetMember").WithSummary("查看党员 / Get a member");

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> HandleAsync(Guid id, MembershipDbContext db, MemberResponses responses, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == new MemberId(id), ct);
        return member is null ? Problems.NotFound("党员", "member") : TypedResults.Ok((await responses.OfAsync(db, [member], ct))[0]);
    }
}
