using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

public sealed record DimensionsMustBeWellFormedRule(IReadOnlyList<Dimension> Dimensions) : IBusinessRule
{
    public const int MaxCodeLength = 50;
    public const int MaxNameLength = 100;

    public bool IsBroken() =>
        Dimensions.Count == 0
        || Dimensions.Any(d => string.IsNullOrWhiteSpace(d.Code) || d.Code.Length > MaxCodeLength
            || string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > MaxNameLength || d.Max <= 0)
        || Dimensions.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count() != Dimensions.Count;

    public string Code => "scheme.dimensions-invalid";

    public string Field => "dimensions";

    public string MessageZh => $"至少需要一个考评维度；维度代码唯一（不超过 {MaxCodeLength} 字符），名称不超过 {MaxNameLength} 字符，满分大于 0。";

    public string MessageEn => $"At least one dimension; codes unique (at most {MaxCodeLength} characters), names at most {MaxNameLength}, each maximum above 0.";
}
