using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.Organisations;

public sealed record OrganisationNameMustBeGivenRule(string Name) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > Organisation.MaxNameLength;

    public string Code => "organisation.name-invalid";

    public string Field => "name";

    public string MessageZh => $"组织名称不能为空，且不超过 {Organisation.MaxNameLength} 个字符。";

    public string MessageEn => $"The name must be given and at most {Organisation.MaxNameLength} characters.";
}
