using Lishui.PracticalProjects.Domain.Projects;
using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Tests;

[Trait("Category", "Unit")]
public sealed class ProjectLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 24);

    /// <summary>The pupils' pick-up point shelter that became the "care corridor" (护苗长廊).</summary>
    private static PracticalProject CareCorridor() => PracticalProject.Propose(
        new ProjectId(Guid.CreateVersion7()), "护苗长廊（学生接送点风雨棚）", ProjectLevel.Village, "2026年第一批", ProjectDomain.Education,
        Guid.CreateVersion7(), "何书记", "鹤峰村小学门口", new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 31), 180_000m, "党群共建专项资金",
        parent: null, weight: 1, now: Now);

    private static string Broken(Action act) => Assert.Throws<BusinessRuleViolation>(act).Rule.Code;

    [Fact]
    public void The_care_corridor_goes_from_proposal_through_approval_to_evaluation()
    {
        var project = CareCorridor();

        project.ChangeStatus(ProjectStatus.Approved, Today, null, "镇党委", Now);
        project.ChangeStatus(ProjectStatus.InProgress, Today, null, "鹤峰村党委", Now);
        project.ReportProgress(40, null, Now);
        project.ChangeStatus(ProjectStatus.Completed, Today, null, "鹤峰村党委", Now);
        project.ChangeStatus(ProjectStatus.Evaluated, Today, null, "镇党委", Now);

        Assert.Equal(ProjectStatus.Evaluated, project.Status);
        Assert.Equal(100, project.Progress);
        Assert.Equal(6, project.Version);
        Assert.Equal(
            [ProjectStatus.Approved, ProjectStatus.InProgress, ProjectStatus.Completed, ProjectStatus.Evaluated],
            project.History.Select(h => h.To));
    }

    [Theory]
    [InlineData(ProjectStatus.InProgress)]
    [InlineData(ProjectStatus.Completed)]
    [InlineData(ProjectStatus.Evaluated)]
    [InlineData(ProjectStatus.Proposed)]
    public void A_proposal_cannot_skip_approval(ProjectStatus to)
    {
        Assert.Equal("project.transition-illegal", Broken(() => CareCorridor().ChangeStatus(to, Today, "原因", "x", Now)));
    }

    [Fact]
    public void Suspending_and_cancelling_need_a_reason_and_a_suspension_resumes_where_it_was()
    {
        var project = CareCorridor();
        project.ChangeStatus(ProjectStatus.Approved, Today, null, "镇党委", Now);
        project.ChangeStatus(ProjectStatus.InProgress, Today, null, "镇党委", Now);

        Assert.Equal("project.reason-required", Broken(() => project.ChangeStatus(ProjectStatus.Suspended, Today, " ", "镇党委", Now)));
        project.ChangeStatus(ProjectStatus.Suspended, Today, "雨季停工", "镇党委", Now);
        Assert.Equal("project.transition-illegal", Broken(() => project.ChangeStatus(ProjectStatus.Approved, Today, null, "镇党委", Now)));
        project.ChangeStatus(ProjectStatus.InProgress, Today, null, "镇党委", Now);

        Assert.Equal(ProjectStatus.InProgress, project.Status);
        Assert.Equal("雨季停工", project.History[^2].Reason);
    }

    [Fact]
    public void Progress_is_a_percentage_reported_while_in_progress_and_goes_back_only_with_a_reason()
    {
        var project = CareCorridor();
        Assert.Equal("project.not-in-progress", Broken(() => project.ReportProgress(10, null, Now)));
        project.ChangeStatus(ProjectStatus.Approved, Today, null, "镇党委", Now);
        project.ChangeStatus(ProjectStatus.InProgress, Today, null, "镇党委", Now);

        project.ReportProgress(60, null, Now);

        Assert.Equal("project.progress-out-of-range", Broken(() => project.ReportProgress(101, null, Now)));
        Assert.Equal("project.progress-backwards", Broken(() => project.ReportProgress(50, null, Now)));
        project.ReportProgress(50, "顶棚返工", Now);
        Assert.Equal(50, project.Progress);
    }

    [Fact]
    public void A_town_key_project_shows_the_weighted_progress_of_its_village_sub_projects()
    {
        Assert.Equal(64, PracticalProject.RolledUp(0, [(100, 2), (40, 1), (40, 2)]));
        Assert.Equal(35, PracticalProject.RolledUp(35, []));
    }

    [Fact]
    public void A_plan_that_ends_before_it_starts_is_refused()
    {
        Assert.Equal("project.end-before-start", Broken(() => PracticalProject.Propose(
            new ProjectId(Guid.CreateVersion7()), "道路硬化", ProjectLevel.Town, "2026年第一批", ProjectDomain.RuralRevitalisation,
            Guid.CreateVersion7(), "x", "y", new DateOnly(2027, 1, 1), new DateOnly(2026, 1, 1), 1m, "财政", null, 1, Now)));
    }
}
