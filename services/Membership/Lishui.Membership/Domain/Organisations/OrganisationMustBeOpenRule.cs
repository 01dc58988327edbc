using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.Organisations;

public sealed record OrganisationMustBeOpenRule(Organisation Organisation, string FieldName) : IBusinessRule
{
    public bool IsBroken() => Organisation.IsClosed;

    public string Code => "organisation.closed";

    public string Field => FieldName;

    public string MessageZh => $"组织“{Organisation.Name}”已撤销。";

    public string MessageEn => $"The organisation '{Organisation.Name}' is closed.";
}
