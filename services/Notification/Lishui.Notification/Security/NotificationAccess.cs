using Lishui.Shared.Security;

namespace Lishui.Notification.Security;

/// <summary>
/// Who may call which Notification endpoint, in one place. Inboxes and preferences belong to
/// one member (Self) and lie in that member's organisation (secretaries of its subtree); templates, the
/// delivery log and the dispatches are the town's (auditors read). The public-event catalogue is open to
/// anyone; another government system reaches its own subscription only (the ownership check is
/// <see cref="SubscriberOwnership"/>, since a grant alone cannot say which subscriber is "its own").
/// </summary>
public static class NotificationAccess
{
    private static readonly AccessRule TownAndAuditors = AccessRule.Of(Grant.Town, Grant.AuditorRead);
    private static readonly AccessRule TownOnly = AccessRule.Of(Grant.Town);
    private static readonly AccessRule MemberOwned = AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree, Grant.Self);
    private static readonly AccessRule AnyoneAnonymous = AccessRule.Of(Grant.Public);

    /// <summary>About one subscriber: the town, auditors reading, and the subscribing system itself.</summary>
    private static readonly AccessRule OwnSubscription = AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.ExternalSystem);

    private static readonly ScopeRef RouteMember = ScopeRef.Route("memberId", NotificationScopes.Member);

    public static readonly AccessPolicy Policy = new AccessPolicy()
        // Inbox and preferences: the member's own, and their organisation's secretaries.
        .Allow("GET /members/{memberId}/notifications", MemberOwned, RouteMember)
        .Allow("GET /members/{memberId}/notifications/unread", MemberOwned, RouteMember)
        .Allow("POST /members/{memberId}/notifications/read", MemberOwned, RouteMember)
        .Allow("POST /notifications/{id}/read", MemberOwned, ScopeRef.Route("id", NotificationScopes.Notification))
        .Allow("GET /members/{memberId}/preferences", MemberOwned, RouteMember)
        .Allow("PUT /members/{memberId}/preferences", MemberOwned, RouteMember)

        // Wording of messages: the town's.
        .Allow("GET /templates/{key}/{locale}", TownAndAuditors)
        .Allow("GET /templates/{key}/{locale}/versions", TownAndAuditors)
        .Allow("PUT /templates/{key}/{locale}", TownOnly)

        // Delivery log and dispatches name recipients across the town: administrators and auditors.
        .Allow("GET /deliveries", TownAndAuditors)
        .Allow("GET /dispatches", TownAndAuditors)
        .Allow("POST /dispatches/{id}/retry", TownOnly)

        // This service's view of the roll: a secretary names an organisation of their subtree.
        .Allow("GET /local-members", AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree),
            ScopeRef.Query("organisationId", NotificationScopes.Organisation))

        // Public events: the catalogue, schemas and AsyncAPI document are public.
        .Allow("GET /public-events/types", AnyoneAnonymous)
        .Allow("GET /public-events/schemas/{file}", AnyoneAnonymous)
        .Allow("GET /public-events/asyncapi.json", AnyoneAnonymous)

        // The subscriber registry: the town manages it; a subscribing system reads and replays its own.
        .Allow("POST /public-events/subscribers", TownOnly)
        .Allow("GET /public-events/subscribers", TownAndAuditors)
        .Allow("GET /public-events/subscribers/{id}", OwnSubscription)
        .Allow("POST /public-events/subscribers/{id}/credentials", TownOnly)
        .Allow("POST /public-events/subscribers/{id}/reactivate", TownOnly)
        .Allow("GET /public-events/subscribers/{id}/deliveries", OwnSubscription)
        .Allow("GET /public-events/subscribers/{id}/attempts", OwnSubscription)
        .Allow("GET /public-events/subscribers/{id}/notices", OwnSubscription)
        .Allow("POST /public-events/subscribers/{id}/replays", OwnSubscription)
        .Allow("GET /public-events/subscribers/{id}/replays", OwnSubscription)
        .Allow("GET /public-events/subscribers/{id}/replays/{replayId}", OwnSubscription);
}
