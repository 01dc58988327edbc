using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Opinions;

/// <summary>Agreeing or disagreeing counts only when the household signed it; abstaining needs no signature.</summary>
public sealed record PositionMustBeSignedRule(Position Position, HouseholdSignature Signature) : IBusinessRule
{
    public bool IsBroken() => Position != Position.Abstain && !Signature.IsGiven;

    public string Code => "opinion.signature-required";

    public string Field => "signedName";

    public string MessageZh => "同意或不同意须由农户签字：填写签字人姓名并确认（signatureConfirmed 为 true），或上传手写签名图片。";

    public string MessageEn => "Agreeing or disagreeing must be signed: a typed name with signatureConfirmed true, or an uploaded drawn signature.";
}
