using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

public sealed record ExcellentShareCapMustBeAFractionRule(decimal? Cap) : IBusinessRule
{
    public bool IsBroken() => Cap is { } cap && (cap <= 0 || cap > 1);

    public string Code => "scheme.excellent-share-cap-invalid";

    public string Field => "excellentShareCap";

    public string MessageZh => "优秀比例上限应大于 0 且不超过 1。";

    public string MessageEn => "The excellent share cap must be above 0 and at most 1.";
}
