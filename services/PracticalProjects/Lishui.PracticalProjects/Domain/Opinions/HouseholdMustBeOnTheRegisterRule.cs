using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Opinions;

public sealed record HouseholdMustBeOnTheRegisterRule(bool OnRegister, string EconomicCooperative) : IBusinessRule
{
    public bool IsBroken() => !OnRegister;

    public string Code => "opinion.household-not-on-register";

    public string Field => "householdId";

    public string MessageZh => $"该农户不在{EconomicCooperative}的农户名册中（或尚未从党员管理服务同步）。";

    public string MessageEn => $"The household is not on the register of {EconomicCooperative} (or not yet synchronised from Membership).";
}
