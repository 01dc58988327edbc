using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Opinions;

public sealed record AffectedHouseholdsMustBePositiveRule(int Count) : IBusinessRule
{
    public bool IsBroken() => Count < 1;

    public string Code => "opinion.households-invalid";

    public string Field => "affectedHouseholds";

    public string MessageZh => "涉及户数须至少为 1。";

    public string MessageEn => "At least one household must be affected.";
}
