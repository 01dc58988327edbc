using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Batches;

/// <summary>
/// A batch of 我为群众办实事 projects the town announces (第一批, 第二批… of a year). Projects name their batch
/// by its name ("2026年第一批"), as they always have, so a batch's projects are those carrying its name.
/// </summary>
public sealed class ProjectBatch
{
    public const int MaxNumber = 99;

    private ProjectBatch()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public int Number { get; private set; }

    /// <summary>e.g. 2026年第一批.</summary>
    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static ProjectBatch Announce(Guid id, int year, int number, DateTimeOffset now)
    {
        Rules.Check(new BatchYearAndNumberMustBeSensibleRule(year, number));
        return new ProjectBatch { Id = id, Year = year, Number = number, Name = NameOf(year, number), CreatedAt = now };
    }

    public static string NameOf(int year, int number) => $"{year}年第{Numeral(number)}批";

    /// <summary>一 … 九十九, as batches are written.</summary>
    public static string Numeral(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 10 => digits[n].ToString(),
            10 => "十",
            < 20 => "十" + digits[n % 10],
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? string.Empty : digits[n % 10].ToString()),
        };
    }
}

public sealed record BatchYearAndNumberMustBeSensibleRule(int Year, int Number) : IBusinessRule
{
    public bool IsBroken() => Year is < 2000 or > 2100 || Number is < 1 or > ProjectBatch.MaxNumber;

    public string Code => "batch.invalid";

    public string Field => Year is < 2000 or > 2100 ? "year" : "number";

    public string MessageZh => $"年度应在 2000 至 2100 之间，批次序号应在 1 至 {ProjectBatch.MaxNumber} 之间。";

    public string MessageEn => $"The year must be 2000 to 2100 and the number 1 to {ProjectBatch.MaxNumber}.";
}
