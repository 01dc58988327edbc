using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Opinions;

public sealed record SignedNameMustFitRule(string? SignedName) : IBusinessRule
{
    public bool IsBroken() => SignedName is not null && SignedName.Trim().Length > HouseholdSignature.MaxSignedNameLength;

    public string Code => "opinion.signed-name-too-long";

    public string Field => "signedName";

    public string MessageZh => $"签字人姓名不超过 {HouseholdSignature.MaxSignedNameLength} 个字符。";

    public string MessageEn => $"The signed name must be at most {HouseholdSignature.MaxSignedNameLength} characters.";
}
