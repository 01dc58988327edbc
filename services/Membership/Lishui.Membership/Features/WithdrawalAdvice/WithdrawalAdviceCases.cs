using Lishui.Contracts.Membership;
using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.WithdrawalAdvice;
using Lishui.Membership.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.WithdrawalAdvice;

/// <summary>
/// The committee's decision: AdviseWithdrawal (the member becomes WithdrawalAdvised), RemoveFromRoll
/// (RemovedFromRoll) or Keep (a reason is required; the member's status stays).
/// </summary>
public sealed record DecideWithdrawalAdviceCaseRequest(
    WithdrawalAdviceDecision Decision, DateOnly DecidedOn, string DecidedBy, string? Reason, long? ExpectedVersion);

public sealed record WithdrawalAdviceCaseResponse(
    Guid Id, Guid MemberId, Guid PartyCommitteeId, Guid OrganisationId, Guid SchemeId, IReadOnlyList<int> UnqualifiedYears, DateOnly OpenedOn,
    WithdrawalAdviceCaseStatus Status, WithdrawalAdviceDecision? Decision, string? DecidedBy, DateOnly? DecidedOn, string? Reason,
    DateTimeOffset? DecidedAt, long Version)
{
    public static WithdrawalAdviceCaseResponse Of(WithdrawalAdviceCase c) =>
        new(c.Id, c.MemberId.Value, c.PartyCommitteeId, c.OrganisationId, c.SchemeId, c.UnqualifiedYears, c.OpenedOn, c.Status, c.Decision,
            c.DecidedBy, c.DecidedOn, c.Reason, c.DecidedAt, c.Version);
}

/// <summary>Withdrawal-advice cases (劝退): list, read, and record the party committee's decision.</summary>
public static class WithdrawalAdviceCases
{
    public static IEndpointRouteBuilder MapWithdrawalAdviceCases(this IEndpointRouteBuilder api)
    {
        // Withdrawal advice is the party committee's decision: its secretary (or one above it) handles the case.
        api.MapGet("/withdrawal-advice-cases", ListAsync).RequireAccess(MembershipAccess.ReadSubtree, ScopeRef.Query("partyCommitteeId", MembershipScopes.Organisation))
            .WithName("ListWithdrawalAdviceCases")
            .WithSummary("劝退案件 / Withdrawal-advice cases, newest first, by status, member or party committee")
            .ProducesValidationProblem();
        api.MapGet("/withdrawal-advice-cases/{id:guid}", GetAsync).RequireAccess(MembershipAccess.ReadSubtree, ScopeRef.Route("id", MembershipScopes.WithdrawalCase))
            .WithName("GetWithdrawalAdviceCase").WithSummary("查看劝退案件 / One withdrawal-advice case");
        api.MapPost("/withdrawal-advice-cases/{id:guid}/decision", DecideAsync).RequireAccess(MembershipAccess.ChangeSubtree, ScopeRef.Route("id", MembershipScopes.WithdrawalCase))
            .WithName("DecideWithdrawalAdviceCase")
            .WithSummary("记录党委决定（劝退、除名或保留） / Record the party committee's decision")
            .Accepts<DecideWithdrawalAdviceCaseRequest>("application/json")
            .Produces<WithdrawalAdviceCaseResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<Page<WithdrawalAdviceCaseResponse>> ListAsync(
        MembershipDbContext db, string? status, Guid? memberId, Guid? partyCommitteeId, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.WithdrawalAdviceCases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<WithdrawalAdviceCaseStatus>(status.Trim(), ignoreCase: true, out var s) || !Enum.IsDefined(s) || int.TryParse(status, out _))
            {
                throw new RequestValidationException([new FieldError("status", "field.wrong-value", "状态应为 Open 或 Closed。", "status must be Open or Closed.")]);
            }

            query = query.Where(c => c.Status == s);
        }

        if (memberId is { } member)
        {
            query = query.Where(c => c.MemberId == new MemberId(member));
        }

        if (partyCommitteeId is { } committee)
        {
            query = query.Where(c => c.PartyCommitteeId == committee);
        }

        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new Page<WithdrawalAdviceCaseResponse>(items.Select(WithdrawalAdviceCaseResponse.Of).ToList(), number, size, total);
    }

    private static async Task<Results<Ok<WithdrawalAdviceCaseResponse>, ProblemHttpResult>> GetAsync(Guid id, MembershipDbContext db, CancellationToken ct) =>
        await db.WithdrawalAdviceCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } found
            ? TypedResults.Ok(WithdrawalAdviceCaseResponse.Of(found))
            : Problems.NotFound("劝退案件", "withdrawal-advice case");

    /// <summary>The decision and the member's status change (through the lifecycle rules, with its event) commit together.</summary>
    private static async Task<Results<Created<WithdrawalAdviceCaseResponse>, IdempotentReplay, ProblemHttpResult>> DecideAsync(
        Guid id, ValidatedBody<DecideWithdrawalAdviceCaseRequest> body, MembershipDbContext db, TimeProvider time, HttpContext http)
    {
        if (!await db.WithdrawalAdviceCases.AnyAsync(c => c.Id == id, http.RequestAborted))
        {
            return Problems.NotFound("劝退案件", "withdrawal-advice case");
        }

        var request = body.Value;
        return await db.CreateOnceAsync(http, $"withdrawal-advice-cases.{id:N}.decision", request, async ct =>
        {
            var @case = await db.WithdrawalAdviceCases.FirstAsync(c => c.Id == id, ct);
            VersionCheck.EnsureVersion(request.ExpectedVersion, @case.Version);
            var now = time.GetUtcNow();
            @case.Decide(request.Decision, request.DecidedOn, request.DecidedBy, request.Reason, now);
            if (request.Decision != WithdrawalAdviceDecision.Keep)
            {
                var member = await db.Members.FirstAsync(m => m.Id == @case.MemberId, ct);
                var (status, label) = request.Decision == WithdrawalAdviceDecision.AdviseWithdrawal
                    ? (MemberStatus.WithdrawalAdvised, "劝退")
                    : (MemberStatus.RemovedFromRoll, "除名");
                var reason = request.Reason?.Trim() is { Length: > 0 } given
                    ? given
                    : $"党委决定{label}（连续两年考核不合格：{string.Join("、", @case.UnqualifiedYears)}年）";
                db.MemberStatusChanges.Add(member.ChangeStatus(status, request.DecidedOn, reason, request.DecidedBy, await db.ActiveRolesOfAsync(member.Id, ct), now));
            }

            return (WithdrawalAdviceCaseResponse.Of(@case), $"/withdrawal-advice-cases/{id}");
        }, time);
    }
}
