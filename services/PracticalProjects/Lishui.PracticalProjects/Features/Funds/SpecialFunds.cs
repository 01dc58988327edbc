using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Funds;
using Lishui.PracticalProjects.Security;
using Lishui.PracticalProjects.Web;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Funds;

public sealed record SetFundBudgetRequest(decimal Budget);

/// <summary>
/// PUT /funds/{year}: the town sets the year's special-fund budget (creating the year's fund the first time).
/// GET /public/funds/{year}: budget, granted and balance, for anyone.
/// </summary>
public static class SpecialFunds
{
    public static IEndpointRouteBuilder MapSpecialFunds(this IEndpointRouteBuilder api)
    {
        // The special fund is the town's: only the town sets its budget.
        api.MapPut("/funds/{year:int}", SetBudgetAsync).RequireAccess(PracticalProjectsAccess.TownOnly).WithName("SetSpecialFundBudget")
            .WithSummary("设定党群共建专项资金年度预算 / Set the year's special-fund budget")
            .WithDescription("仅镇级管理员。首次设定即建立该年度资金；预算不能低于已拨付金额。")
            .Accepts<SetFundBudgetRequest>("application/json")
            .Produces<FundResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/public/funds/{year:int}", GetAsync).RequireAccess(PracticalProjectsAccess.Anyone).WithName("PublicSpecialFund")
            .WithSummary("党群共建专项资金年度收支（公开）/ The year's special fund: budget, granted, balance")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<FundResponse>, ProblemHttpResult>> SetBudgetAsync(
        int year, ValidatedBody<SetFundBudgetRequest> body, ProjectsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var fund = await db.SpecialFunds.FirstOrDefaultAsync(f => f.Year == year, ct);
        if (fund is null)
        {
            fund = SpecialFund.Open(year, body.Value.Budget, now);
            db.SpecialFunds.Add(fund);
        }
        else
        {
            fund.SetBudget(body.Value.Budget, now);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(FundResponse.From(fund));
    }

    private static async Task<Results<Ok<FundResponse>, ProblemHttpResult>> GetAsync(int year, ProjectsDbContext db, CancellationToken ct) =>
        await db.SpecialFunds.AsNoTracking().FirstOrDefaultAsync(f => f.Year == year, ct) is { } fund
            ? TypedResults.Ok(FundResponse.From(fund))
            : Problems.NotFound("该年度专项资金", "special fund of that year");
}
