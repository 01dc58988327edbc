using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

public sealed record SchemeYearMustBeSensibleRule(int Year) : IBusinessRule
{
    public bool IsBroken() => Year is < 2000 or > 2100;

    public string Code => "scheme.year-invalid";

    public string Field => "year";

    public string MessageZh => "考核年度应在 2000 至 2100 之间。";

    public string MessageEn => "The year must be between 2000 and 2100.";
}
