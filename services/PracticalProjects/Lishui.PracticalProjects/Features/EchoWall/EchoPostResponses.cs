using Lishui.PracticalProjects.Domain.EchoWall;

namespace Lishui.PracticalProjects.Features.EchoWall;

public sealed record EchoAnswerResponse(string Text, string AnsweredBy, DateTimeOffset AnsweredAt);

/// <summary>A post as the public sees it (only visible posts are listed publicly).</summary>
public sealed record PublicPostResponse(
    Guid Id, string Text, string Author, bool Anonymous, DateTimeOffset PostedAt, Guid? LinkedRequestId, Guid? LinkedProjectId,
    IReadOnlyList<EchoAnswerResponse> Answers);

public sealed record ModerationResponse(bool Hidden, string Reason, string ModeratedBy, DateTimeOffset At);

/// <summary>The moderators' view: hidden posts too, with the moderation record.</summary>
public sealed record PostResponse(
    Guid Id, string Text, string? DisplayName, Guid? OrganisationId, DateTimeOffset PostedAt, bool Hidden, Guid? LinkedRequestId, Guid? LinkedProjectId,
    bool ContactLeft, IReadOnlyList<EchoAnswerResponse> Answers, IReadOnlyList<ModerationResponse> Moderation, long Version)
{
    public static PostResponse From(EchoPost p, bool contactLeft) =>
        new(p.Id.Value, p.Text, p.DisplayName, p.OrganisationId, p.PostedAt, p.Hidden, p.LinkedRequestId, p.LinkedProjectId, contactLeft,
            p.Answers.Select(a => new EchoAnswerResponse(a.Text, a.AnsweredBy, a.AnsweredAt)).ToList(),
            p.Moderation.Select(m => new ModerationResponse(m.Hidden, m.Reason, m.ModeratedBy, m.At)).ToList(), p.Version);
}
