using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

/// <summary>Members: points assessment; households: five-good households; cooperatives and villages: safety production or environmental remediation.</summary>
public sealed record TopicMustFitTheSubjectTypeRule(SubjectType SubjectType, SchemeTopic? Topic) : IBusinessRule
{
    public bool IsBroken() => Topic is not { } topic || !SchemeTopics.Fits(SubjectType, topic);

    public string Code => "scheme.topic-invalid";

    public string Field => "topic";

    public string MessageZh => "考核内容与考核对象不符：党员为量化积分，家庭为五好文明户，经济社和村为安全生产或环境整治。";

    public string MessageEn => "The topic does not fit the subject type: MemberPoints for members, FiveGoodHousehold for households, SafetyProduction or EnvironmentalRemediation for cooperatives and villages.";
}
