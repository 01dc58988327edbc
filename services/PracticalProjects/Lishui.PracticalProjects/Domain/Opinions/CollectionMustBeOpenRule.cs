using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Opinions;

public sealed record CollectionMustBeOpenRule(bool Completed) : IBusinessRule
{
    public bool IsBroken() => Completed;

    public string Code => "opinion.completed";

    public string MessageZh => "本次征求意见已结束。";

    public string MessageEn => "This opinion collection is completed.";
}
