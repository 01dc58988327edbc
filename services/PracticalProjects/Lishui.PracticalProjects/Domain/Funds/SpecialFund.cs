using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Funds;

/// <summary>
/// 党群共建专项资金: the town's party–mass co-building special fund, one budget per year. Grants to projects
/// from it draw on that year's budget; the balance never goes below zero.
/// </summary>
public sealed class SpecialFund : AggregateRoot
{
    public const string FundingSource = "党群共建专项资金";

    private SpecialFund()
    {
    }

    public int Year { get; private set; }

    public decimal Budget { get; private set; }

    public decimal Drawn { get; private set; }

    public int Grants { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public decimal Balance => Budget - Drawn;

    public static bool IsDrawnBy(string fundingSource) => string.Equals(fundingSource.Trim(), FundingSource, StringComparison.Ordinal);

    public static SpecialFund Open(int year, decimal budget, DateTimeOffset now)
    {
        Rules.Check(new FundYearMustBeSensibleRule(year));
        var fund = new SpecialFund { Year = year, UpdatedAt = now };
        fund.SetBudget(budget, now);
        return fund;
    }

    /// <summary>The town sets (or corrects) the year's budget; never below what is already granted.</summary>
    public void SetBudget(decimal budget, DateTimeOffset now)
    {
        Rules.Check(new FundBudgetMustCoverWhatIsGrantedRule(budget, Drawn));
        Budget = budget;
        UpdatedAt = now;
        NextVersion();
    }

    /// <summary>A grant from the fund; refused when the balance cannot cover it.</summary>
    public void Draw(decimal amount, DateTimeOffset now)
    {
        Rules.Check(new FundBalanceMustCoverTheGrantRule(Year, Balance, amount));
        Drawn += amount;
        Grants++;
        UpdatedAt = now;
        NextVersion();
    }
}

public sealed record FundYearMustBeSensibleRule(int Year) : IBusinessRule
{
    public bool IsBroken() => Year is < 2000 or > 2100;

    public string Code => "fund.year-invalid";

    public string Field => "year";

    public string MessageZh => "年度应在 2000 至 2100 之间。";

    public string MessageEn => "The year must be between 2000 and 2100.";
}

public sealed record FundBudgetMustCoverWhatIsGrantedRule(decimal Budget, decimal Drawn) : IBusinessRule
{
    public bool IsBroken() => Budget < 0 || Budget < Drawn || Budget > 1_000_000_000_000m;

    public string Code => "fund.budget-invalid";

    public string Field => "budget";

    public string MessageZh => Budget < 0 ? "预算不能为负数。" : $"预算不能低于已拨付的 {Drawn:0.##} 元。";

    public string MessageEn => Budget < 0 ? "The budget cannot be negative." : $"The budget cannot be below the {Drawn:0.##} yuan already granted.";
}

public sealed record FundBalanceMustCoverTheGrantRule(int Year, decimal Balance, decimal Amount) : IBusinessRule
{
    public bool IsBroken() => Amount > Balance;

    public string Code => "fund.insufficient";

    public string Field => "amount";

    public string MessageZh => $"{Year} 年党群共建专项资金余额 {Balance:0.##} 元，不足以拨付 {Amount:0.##} 元。";

    public string MessageEn => $"The {Year} special fund has {Balance:0.##} yuan left, not enough for {Amount:0.##} yuan.";
}

/// <summary>A grant from the special fund in a year whose budget the town has not set.</summary>
public sealed record FundMustHaveABudgetRule(int Year, bool Exists) : IBusinessRule
{
    public bool IsBroken() => !Exists;

    public string Code => "fund.no-budget";

    public string Field => "grantedOn";

    public string MessageZh => $"{Year} 年党群共建专项资金尚未设定预算，暂不能从中拨付。";

    public string MessageEn => $"The {Year} special fund has no budget yet; nothing can be granted from it.";
}
