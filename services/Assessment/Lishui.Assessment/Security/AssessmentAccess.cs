using Lishui.Shared.Security;

namespace Lishui.Assessment.Security;

/// <summary>
/// The rules Assessment's endpoints declare beside their routes. A scheme, its ledger, standings and
/// notice belong to the scheme's organisation: the town and that organisation's secretaries (of it or an
/// organisation above it) run them, auditors read them. A member reads their own points (Self). Published
/// notices, the notice board, their open-data exports, their objections' gist and answers, and filing an
/// objection are public (anonymous, rate-limited), as the publication (公示) requires.
/// </summary>
public static class AssessmentAccess
{
    public static readonly AccessRule TownOnly = AccessRule.Of(Grant.Town);
    public static readonly AccessRule TownRead = AccessRule.Of(Grant.Town, Grant.AuditorRead);
    public static readonly AccessRule Anyone = AccessRule.Of(Grant.Public);
    public static readonly AccessRule SubtreeRead = AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree);
    public static readonly AccessRule SubtreeChange = AccessRule.Of(Grant.Town, Grant.SecretaryOfSubtree);

    /// <summary>A subject's own points: also the member it is.</summary>
    public static readonly AccessRule SubtreeOrOwnRead = AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree, Grant.Self);

    public static readonly ScopeRef Scheme = ScopeRef.Route("id", AssessmentScopes.Scheme);
    public static readonly ScopeRef Notice = ScopeRef.Route("id", AssessmentScopes.Notice);
    public static readonly ScopeRef Organisation = ScopeRef.Route("id", AssessmentScopes.Organisation);
    public static readonly ScopeRef OrganisationInQuery = ScopeRef.Query("organisationId", AssessmentScopes.Organisation);
    public static readonly ScopeRef OrganisationInBody = ScopeRef.Body("organisationId", AssessmentScopes.Organisation);
}
