using System.Globalization;
using Lishui.Contracts.Assessment;
using Lishui.Notification.Data;
using Lishui.Notification.Delivery;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Shared.Messaging;

namespace Lishui.Notification.Messaging.Triggers;

/// <summary>Results on public notice (公示): every member of the organisation (and those under it) is told.</summary>
public sealed class AssessmentNoticePublishedConsumer(NotificationDbContext db, DispatchPlanner planner)
    : IdempotentConsumer<AssessmentNoticePublished, NotificationDbContext>(db)
{
    protected override Task HandleAsync(AssessmentNoticePublished message, CancellationToken ct)
    {
        planner.ToAudience(message,
            new MessagePlan(NotificationKind.AssessmentNoticePublished, new Dictionary<string, string>
            {
                ["year"] = message.Year.ToString(CultureInfo.InvariantCulture),
                ["opensOn"] = MessageValues.Date(message.WindowOpensOn),
                ["closesOn"] = MessageValues.Date(message.WindowClosesOn),
            }),
            Audience.OrganisationMembers, message.OrganisationId);
        return Task.CompletedTask;
    }
}

/// <summary>An objection to the notice: the secretary of the notice's organisation must answer it.</summary>
public sealed class ObjectionFiledConsumer(NotificationDbContext db, DispatchPlanner planner)
    : IdempotentConsumer<ObjectionFiled, NotificationDbContext>(db)
{
    protected override Task HandleAsync(ObjectionFiled message, CancellationToken ct)
    {
        var values = new Dictionary<string, string>
        {
            ["answerBy"] = MessageValues.Date(message.AnswerBy),
            ["objectionId"] = message.ObjectionId.ToString(),
            // Events filed before the text travelled with them: the secretary reads it in the objection list.
            ["text"] = message.Text ?? "（请在异议处理列表中查看）",
        };
        Dictionary<string, Guid>? names = null;
        if (message.MemberId is { } member)
        {
            names = new Dictionary<string, Guid> { ["member"] = member };
        }
        else
        {
            values["member"] = "—";
        }

        planner.ToAudience(message, new MessagePlan(NotificationKind.ObjectionFiled, values, names), Audience.Secretary, message.OrganisationId);
        return Task.CompletedTask;
    }
}

/// <summary>An organisational talk (组织谈话) is due: the member, and the secretary of their organisation.</summary>
public sealed class OrganisationalTalkRequiredConsumer(NotificationDbContext db, DispatchPlanner planner)
    : IdempotentConsumer<OrganisationalTalkRequired, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(OrganisationalTalkRequired message, CancellationToken ct)
    {
        var values = new Dictionary<string, string>
        {
            ["year"] = message.Year.ToString(CultureInfo.InvariantCulture),
            ["dueOn"] = MessageValues.Date(message.DueOn),
        };
        await planner.ToMemberAsync(message, new MessagePlan(NotificationKind.OrganisationalTalkRequired, values), message.MemberId, ct);
        planner.ToAudience(message,
            new MessagePlan(NotificationKind.OrganisationalTalkRequiredSecretary, values, new Dictionary<string, Guid> { ["member"] = message.MemberId }),
            Audience.Secretary, null, message.MemberId);
    }
}

/// <summary>A member graded Excellent in a final result is commended (表彰): the member is told.</summary>
public sealed class MemberCommendedConsumer(NotificationDbContext db, DispatchPlanner planner)
    : IdempotentConsumer<MemberCommended, NotificationDbContext>(db)
{
    protected override Task HandleAsync(MemberCommended message, CancellationToken ct) =>
        planner.ToMemberAsync(message,
            new MessagePlan(NotificationKind.MemberCommended, new Dictionary<string, string> { ["year"] = message.Year.ToString(CultureInfo.InvariantCulture) }),
            message.MemberId, ct);
}
