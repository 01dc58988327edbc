using Lishui.PracticalProjects.Domain.Funds;
using Lishui.Shared.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Data;

/// <summary>The one way a grant draws on the year's special fund.</summary>
public static class FundDraw
{
    /// <summary>
    /// A grant from the special fund draws on its year's budget, in the same SaveChanges as the grant; the
    /// fund's version makes two grants at once conflict, and the caller retries the loser against the new balance.
    /// </summary>
    public static async Task DrawAsync(ProjectsDbContext db, string fundingSource, decimal amount, DateOnly grantedOn, DateTimeOffset now, CancellationToken ct)
    {
        if (!SpecialFund.IsDrawnBy(fundingSource))
        {
            return;
        }

        var fund = await db.SpecialFunds.FirstOrDefaultAsync(f => f.Year == grantedOn.Year, ct);
        Rules.Check(new FundMustHaveABudgetRule(grantedOn.Year, fund is not null));
        fund!.Draw(amount, now);
    }
}
