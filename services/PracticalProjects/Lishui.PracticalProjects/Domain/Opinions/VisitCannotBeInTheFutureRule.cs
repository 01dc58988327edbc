using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Opinions;

public sealed record VisitCannotBeInTheFutureRule(DateOnly VisitedOn, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => VisitedOn > Today;

    public string Code => "date.in-future";

    public string Field => "visitedOn";

    public string MessageZh => "入户日期不能晚于今天。";

    public string MessageEn => "The visit cannot be in the future.";
}
