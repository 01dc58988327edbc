using Lishui.Shared.Security;

namespace Lishui.Assessment.Security;

/// <summary>
/// Who may call which Assessment endpoint, in one place. A scheme, its ledger, standings and
/// notice belong to the scheme's organisation: the town and that organisation's secretaries (of it or an
/// organisation above it) run them, auditors read them. A member reads their own points (Self). Published
/// notices, the notice board, their open-data exports, their objections' gist and answers, and filing an
/// objection are public (anonymous, rate-limited), as the publication (公示) requires.
/// </summary>
public static class AssessmentAccess
{
    private static readonly AccessRule TownOnly = AccessRule.Of(Grant.Town);
    private static readonly AccessRule Anyone = AccessRule.Of(Grant.Public);
    private static readonly AccessRule SubtreeRead = AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree);
    private static readonly AccessRule SubtreeChange = AccessRule.Of(Grant.Town, Grant.SecretaryOfSubtree);

    private static readonly ScopeRef Scheme = ScopeRef.Route("id", AssessmentScopes.Scheme);
    private static readonly ScopeRef Notice = ScopeRef.Route("id", AssessmentScopes.Notice);
    private static readonly ScopeRef Organisation = ScopeRef.Route("id", AssessmentScopes.Organisation);

    public static readonly AccessPolicy Policy = new AccessPolicy()
        // This service's view of the roll: a secretary names an organisation of their subtree.
        .Allow("GET /local-members", SubtreeRead, ScopeRef.Query("organisationId", AssessmentScopes.Organisation))

        // Schemes: a secretary sets one up for their own organisation (or one below it) and runs it.
        .Allow("POST /schemes", SubtreeChange,
            ScopeRef.Body("organisationId", AssessmentScopes.Organisation))
        .Allow("GET /schemes", SubtreeRead, ScopeRef.Query("organisationId", AssessmentScopes.Organisation)) // the town and auditors may name none
        .Allow("GET /schemes/{id}", SubtreeRead, Scheme)
        .Allow("PUT /schemes/{id}", SubtreeChange, Scheme)
        .Allow("POST /schemes/{id}/reopen", TownOnly) // undoing a closed year is the town's call
        .Allow("GET /organisations/{id}/roll", SubtreeRead, Organisation)

        // Points: entered and reversed by the scheme's organisation; standings read by it; a subject's own
        // standing also by the member it is (their own points).
        .Allow("POST /schemes/{id}/ledger-entries", SubtreeChange, Scheme)
        .Allow("POST /schemes/{id}/ledger-entries/{entryId}/reversal", SubtreeChange, Scheme)
        .Allow("GET /schemes/{id}/standings", SubtreeRead, Scheme)
        .Allow("GET /subjects/{id}/ledger", AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree, Grant.Self),
            ScopeRef.Route("id", AssessmentScopes.Subject))
        .Allow("GET /schemes/{schemeId}/standings/{subjectId}", AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree, Grant.Self),
            ScopeRef.Route("subjectId", AssessmentScopes.Subject))

        // Closing a year publishes its notice; objections are answered and results finalised by the scheme's organisation.
        .Allow("POST /schemes/{id}/close", SubtreeChange, Scheme)
        .Allow("GET /notices/{id}", Anyone)
        .Allow("GET /public/notices", Anyone)
        .Allow("GET /notices/{id}/results.json", Anyone)
        .Allow("GET /notices/{id}/results.csv", Anyone)
        .Allow("POST /notices/{id}/objections", Anyone)
        .Allow("GET /public/notices/{id}/objections", Anyone) // the gist and its answer, never the objector
        .Allow("GET /notices/{id}/objections", SubtreeRead, Notice) // with the objector's contact, to answer them
        .Allow("POST /notices/{id}/objections/{objectionId}/answer", SubtreeChange, Notice)
        .Allow("POST /notices/{id}/finalise", SubtreeChange, Notice)

        // Past years' final results held on paper: imported by the town only (audited), read by the town and auditors.
        .Allow("POST /imported-results", TownOnly)
        .Allow("GET /imported-results", AccessRule.Of(Grant.Town, Grant.AuditorRead))

        // The governance-effectiveness list of a village.
        .Allow("GET /governance/villages/{id}", SubtreeRead, Organisation)
        .Allow("GET /governance/villages/{id}/list.csv", SubtreeRead, Organisation)

        // The town overview's points distribution per village: the whole town's, read by the town and auditors.
        .Allow("GET /statistics/villages", AccessRule.Of(Grant.Town, Grant.AuditorRead));
}
