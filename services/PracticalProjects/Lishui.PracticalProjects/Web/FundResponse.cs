using Lishui.PracticalProjects.Domain.Funds;

namespace Lishui.PracticalProjects.Web;

public sealed record FundResponse(int Year, string Name, decimal Budget, decimal Drawn, decimal Balance, int Grants, DateTimeOffset UpdatedAt)
{
    public static FundResponse From(SpecialFund f) => new(f.Year, SpecialFund.FundingSource, f.Budget, f.Drawn, f.Balance, f.Grants, f.UpdatedAt);
}
