using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

public sealed record DimensionMaximaMustSumToTotalRule(IReadOnlyList<Dimension> Dimensions, decimal Total) : IBusinessRule
{
    public bool IsBroken() => Total <= 0 || Dimensions.Sum(d => d.Max) != Total;

    public string Code => "scheme.dimensions-do-not-sum-to-total";

    public string Field => "dimensions";

    public string MessageZh => $"各维度满分之和（{Dimensions.Sum(d => d.Max)}）应等于总分（{Total}）。";

    public string MessageEn => $"The dimension maxima sum to {Dimensions.Sum(d => d.Max)}, not the total {Total}.";
}
