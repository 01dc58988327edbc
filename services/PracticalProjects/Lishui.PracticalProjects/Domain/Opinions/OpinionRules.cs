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

public sealed record AffectedHouseholdsMustBePositiveRule(int Count) : IBusinessRule
{
    public bool IsBroken() => Count < 1;

    public string Code => "opinion.households-invalid";

    public string Field => "affectedHouseholds";

    public string MessageZh => "涉及户数须至少为 1。";

    public string MessageEn => "At least one household must be affected.";
}

public sealed record ThresholdMustBeAPercentageRule(int Percent) : IBusinessRule
{
    public bool IsBroken() => Percent is < 1 or > 100;

    public string Code => "opinion.threshold-invalid";

    public string Field => "thresholdPercent";

    public string MessageZh => "通过比例须在 1 到 100 之间。";

    public string MessageEn => "The threshold must be between 1 and 100 percent.";
}

public sealed record CollectionMustBeOpenRule(bool Completed) : IBusinessRule
{
    public bool IsBroken() => Completed;

    public string Code => "opinion.completed";

    public string MessageZh => "本次征求意见已结束。";

    public string MessageEn => "This opinion collection is completed.";
}

public sealed record VisitCannotBeInTheFutureRule(DateOnly VisitedOn, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => VisitedOn > Today;

    public string Code => "date.in-future";

    public string Field => "visitedOn";

    public string MessageZh => "入户日期不能晚于今天。";

    public string MessageEn => "The visit cannot be in the future.";
}

public sealed record NoMoreHouseholdsThanAffectedRule(bool Known, int Counted, int Affected) : IBusinessRule
{
    public bool IsBroken() => !Known && Counted >= Affected;

    public string Code => "opinion.too-many-households";

    public string Field => "householdId";

    public string MessageZh => $"已记录 {Counted} 户，达到涉及户数 {Affected}。";

    public string MessageEn => $"{Counted} households already recorded, the number affected is {Affected}.";
}

public sealed record HouseholdMustBeOnTheRegisterRule(bool OnRegister, string EconomicCooperative) : IBusinessRule
{
    public bool IsBroken() => !OnRegister;

    public string Code => "opinion.household-not-on-register";

    public string Field => "householdId";

    public string MessageZh => $"该农户不在{EconomicCooperative}的农户名册中（或尚未从党员管理服务同步）。";

    public string MessageEn => $"The household is not on the register of {EconomicCooperative} (or not yet synchronised from Membership).";
}

/// <summary>Agreeing or disagreeing counts only when the household signed it; abstaining needs no signature.</summary>
public sealed record PositionMustBeSignedRule(Position Position, HouseholdSignature Signature) : IBusinessRule
{
    public bool IsBroken() => Position != Position.Abstain && !Signature.IsGiven;

    public string Code => "opinion.signature-required";

    public string Field => "signedName";

    public string MessageZh => "同意或不同意须由农户签字：填写签字人姓名并确认（signatureConfirmed 为 true），或上传手写签名图片。";

    public string MessageEn => "Agreeing or disagreeing must be signed: a typed name with signatureConfirmed true, or an uploaded drawn signature.";
}

public sealed record SignedNameMustFitRule(string? SignedName) : IBusinessRule
{
    public bool IsBroken() => SignedName is not null && SignedName.Trim().Length > HouseholdSignature.MaxSignedNameLength;

    public string Code => "opinion.signed-name-too-long";

    public string Field => "signedName";

    public string MessageZh => $"签字人姓名不超过 {HouseholdSignature.MaxSignedNameLength} 个字符。";

    public string MessageEn => $"The signed name must be at most {HouseholdSignature.MaxSignedNameLength} characters.";
}
