using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Opinions;

public sealed record NoMoreHouseholdsThanAffectedRule(bool Known, int Counted, int Affected) : IBusinessRule
{
    public bool IsBroken() => !Known && Counted >= Affected;

    public string Code => "opinion.too-many-households";

    public string Field => "householdId";

    public string MessageZh => $"已记录 {Counted} 户，达到涉及户数 {Affected}。";

    public string MessageEn => $"{Counted} households already recorded, the number affected is {Affected}.";
}
