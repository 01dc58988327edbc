using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Opinions;

public sealed record CollectionSubjectMustBeGivenRule(string Subject) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Subject) || Subject.Trim().Length > OpinionCollection.MaxSubjectLength;

    public string Code => "opinion.subject-invalid";

    public string Field => "subject";

    public string MessageZh => $"征求意见事项不能为空，且不超过 {OpinionCollection.MaxSubjectLength} 个字符。";

    public string MessageEn => $"The subject must be given and at most {OpinionCollection.MaxSubjectLength} characters.";
}
