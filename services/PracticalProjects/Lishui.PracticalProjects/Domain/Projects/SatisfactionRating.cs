using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Projects;

/// <summary>A resident's rating of a completed project (1–5, optional comment); the average is public.</summary>
public sealed class SatisfactionRating
{
    public const int MaxCommentLength = 500;

    private SatisfactionRating()
    {
    }

    public Guid Id { get; private set; }

    public ProjectId ProjectId { get; private set; }

    public int Score { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>Optional: the household rating, so a household's rating can be counted once.</summary>
    public Guid? HouseholdId { get; private set; }

    public DateTimeOffset RatedAt { get; private set; }

    public static SatisfactionRating Rate(Guid id, PracticalProject project, int score, string? comment, Guid? householdId, DateTimeOffset now)
    {
        Rules.Check(new RatingOnlyAfterCompletionRule(project.Status));
        Rules.Check(new ScoreMustBeOneToFiveRule(score));
        Rules.Check(new RatingCommentLengthRule(comment));
        return new SatisfactionRating
        {
            Id = id,
            ProjectId = project.Id,
            Score = score,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            HouseholdId = householdId,
            RatedAt = now,
        };
    }
}

public sealed record RatingOnlyAfterCompletionRule(ProjectStatus Status) : IBusinessRule
{
    public bool IsBroken() => Status is not (ProjectStatus.Completed or ProjectStatus.Evaluated);

    public string Code => "rating.project-not-completed";

    public string MessageZh => "项目完成后才能评价满意度。";

    public string MessageEn => "A project can be rated only once it is completed.";
}

public sealed record ScoreMustBeOneToFiveRule(int Score) : IBusinessRule
{
    public bool IsBroken() => Score is < 1 or > 5;

    public string Code => "rating.score-invalid";

    public string Field => "score";

    public string MessageZh => "满意度评分须为 1 到 5 分。";

    public string MessageEn => "The score must be between 1 and 5.";
}

public sealed record RatingCommentLengthRule(string? Comment) : IBusinessRule
{
    public bool IsBroken() => Comment is not null && Comment.Trim().Length > SatisfactionRating.MaxCommentLength;

    public string Code => "rating.comment-too-long";

    public string Field => "comment";

    public string MessageZh => $"评价留言不超过 {SatisfactionRating.MaxCommentLength} 个字符。";

    public string MessageEn => $"The comment must be at most {SatisfactionRating.MaxCommentLength} characters.";
}
