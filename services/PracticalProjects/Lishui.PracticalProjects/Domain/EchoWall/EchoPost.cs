using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.EchoWall;

public readonly record struct EchoPostId(Guid Value);

/// <summary>An official answer on the wall, signed by the answering body.</summary>
public sealed record EchoAnswer(Guid Id, string Text, string AnsweredBy, DateTimeOffset AnsweredAt);

/// <summary>A moderation step: hiding (with the reason) or showing again; kept for the record.</summary>
public sealed record ModerationAction(bool Hidden, string Reason, string ModeratedBy, DateTimeOffset At);

/// <summary>
/// 回音壁: a resident's public feedback post (anonymous allowed) and the official answers. Moderation
/// hides a post with a reason and never deletes it; a post may link to a request or a project.
/// </summary>
public sealed class EchoPost : AggregateRoot
{
    public const int MaxTextLength = 500;
    public const int MaxDisplayNameLength = 50;
    public const int MaxAnswerLength = 2000;

    private readonly List<EchoAnswer> answers = [];
    private readonly List<ModerationAction> moderation = [];

    private EchoPost()
    {
        Text = string.Empty;
    }

    public EchoPostId Id { get; private set; }

    public string Text { get; private set; }

    /// <summary>The name shown with the post; null when posted anonymously.</summary>
    public string? DisplayName { get; private set; }

    /// <summary>The village the post concerns, when known.</summary>
    public Guid? OrganisationId { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }

    public bool Hidden { get; private set; }

    public Guid? LinkedRequestId { get; private set; }

    public Guid? LinkedProjectId { get; private set; }

    public IReadOnlyList<EchoAnswer> Answers => answers;

    public IReadOnlyList<ModerationAction> Moderation => moderation;

    public static EchoPost Post(EchoPostId id, string text, string? displayName, Guid? organisationId, Guid? linkedRequestId, Guid? linkedProjectId, DateTimeOffset now)
    {
        Rules.Check(new PostTextRule(text));
        Rules.Check(new DisplayNameLengthRule(displayName));
        var post = new EchoPost
        {
            Id = id,
            Text = text.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            OrganisationId = organisationId,
            LinkedRequestId = linkedRequestId,
            LinkedProjectId = linkedProjectId,
            PostedAt = now,
        };
        post.NextVersion();
        return post;
    }

    public EchoAnswer Answer(Guid id, string text, string answeredBy, DateTimeOffset now)
    {
        Rules.Check(new AnswerTextRule(text));
        Rules.Check(new ModeratorMustBeNamedRule(answeredBy, "answeredBy"));
        var answer = new EchoAnswer(id, text.Trim(), answeredBy.Trim(), now);
        answers.Add(answer);
        NextVersion();
        return answer;
    }

    public void Hide(string reason, string moderatedBy, DateTimeOffset now)
    {
        Rules.Check(new PostMustBeVisibleRule(Hidden));
        Rules.Check(new HideReasonRule(reason));
        Rules.Check(new ModeratorMustBeNamedRule(moderatedBy, "moderatedBy"));
        Hidden = true;
        moderation.Add(new ModerationAction(true, reason.Trim(), moderatedBy.Trim(), now));
        NextVersion();
    }

    public void Restore(string reason, string moderatedBy, DateTimeOffset now)
    {
        Rules.Check(new PostMustBeHiddenRule(Hidden));
        Rules.Check(new HideReasonRule(reason));
        Rules.Check(new ModeratorMustBeNamedRule(moderatedBy, "moderatedBy"));
        Hidden = false;
        moderation.Add(new ModerationAction(false, reason.Trim(), moderatedBy.Trim(), now));
        NextVersion();
    }

    public void Link(Guid? requestId, Guid? projectId)
    {
        LinkedRequestId = requestId ?? LinkedRequestId;
        LinkedProjectId = projectId ?? LinkedProjectId;
        NextVersion();
    }
}
