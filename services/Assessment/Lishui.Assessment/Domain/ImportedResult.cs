using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

/// <summary>
/// A member's final result of a year assessed before the platform (the town holds them on paper),
/// imported by the town so the two-year rule works from the platform's first year. It belongs to
/// the member, not to an organisation: a member transferred since keeps it.
/// </summary>
public sealed class ImportedResult
{
    public const int EarliestYear = 2000;
    public const decimal MaxTotal = 1000;
    public const int MaxSourceLength = 200;

    private ImportedResult()
    {
        Name = string.Empty;
        Source = string.Empty;
        ImportedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public Guid MemberId { get; private set; }

    /// <summary>The organisation that assessed the member that year, as the paper record says.</summary>
    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; }

    public Grade Grade { get; private set; }

    public decimal Total { get; private set; }

    /// <summary>Where the result comes from (e.g. the paper register of the year).</summary>
    public string Source { get; private set; }

    public string ImportedBy { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public static ImportedResult Import(Guid id, int year, Guid memberId, string name, Guid organisationId, Grade grade, decimal total, string source, string importedBy, DateOnly today, DateTimeOffset now)
    {
        AggregateRootRules.Check(new OnlyAPastYearIsImportedRule(year, today));
        AggregateRootRules.Check(new ImportedTotalMustBeInRangeRule(total));
        AggregateRootRules.Check(new TextMustBeGivenRule("source", "来源", "source", source, MaxSourceLength));
        return new ImportedResult
        {
            Id = id,
            Year = year,
            MemberId = memberId,
            Name = name,
            OrganisationId = organisationId,
            Grade = grade,
            Total = total,
            Source = source.Trim(),
            ImportedBy = importedBy,
            ImportedAt = now,
        };
    }
}

public sealed record OnlyAPastYearIsImportedRule(int Year, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => Year < ImportedResult.EarliestYear || Year >= Today.Year;

    public string Code => "imported-result.year-not-past";

    public string MessageZh => $"只能导入 {ImportedResult.EarliestYear} 年至 {Today.Year - 1} 年的往年最终结果。";

    public string MessageEn => $"Only final results of past years ({ImportedResult.EarliestYear} to {Today.Year - 1}) can be imported.";
}

public sealed record ImportedTotalMustBeInRangeRule(decimal Total) : IBusinessRule
{
    public bool IsBroken() => Total < 0 || Total > ImportedResult.MaxTotal || decimal.Round(Total, 2) != Total;

    public string Code => "imported-result.total-invalid";

    public string MessageZh => $"总分应在 0 至 {ImportedResult.MaxTotal} 之间，最多两位小数。";

    public string MessageEn => $"The total must be from 0 to {ImportedResult.MaxTotal}, with at most two decimals.";
}
