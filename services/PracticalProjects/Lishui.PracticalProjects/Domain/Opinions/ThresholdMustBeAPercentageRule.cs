using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Opinions;

public sealed record ThresholdMustBeAPercentageRule(int Percent) : IBusinessRule
{
    public bool IsBroken() => Percent is < 1 or > 100;

    public string Code => "opinion.threshold-invalid";

    public string Field => "thresholdPercent";

    public string MessageZh => "通过比例须在 1 到 100 之间。";

    public string MessageEn => "The threshold must be between 1 and 100 percent.";
}
