using System.Text.Json.Serialization;

namespace Lishui.Contracts.Membership;

/// <summary>党委 / 党总支 / 党支部 / 党群小组; written as the member's name ("PartyCommittee").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrganisationKind>))]
public enum OrganisationKind
{
    PartyCommittee,
    GeneralBranch,
    Branch,
    PartyMassGroup,
}
