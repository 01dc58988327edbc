using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Requests;

public sealed record RequestSubjectMustBeGivenRule(string Subject) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Subject) || Subject.Trim().Length > ResidentRequest.MaxSubjectLength;

    public string Code => "request.subject-invalid";

    public string Field => "subject";

    public string MessageZh => $"诉求内容不能为空，且不超过 {ResidentRequest.MaxSubjectLength} 个字符。";

    public string MessageEn => $"The subject must be given and at most {ResidentRequest.MaxSubjectLength} characters.";
}

public sealed record ReplyMustBeGivenRule(string Reply) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Reply) || Reply.Trim().Length > ResidentRequest.MaxReplyLength;

    public string Code => "request.reply-invalid";

    public string Field => "reply";

    public string MessageZh => $"答复内容不能为空，且不超过 {ResidentRequest.MaxReplyLength} 个字符。";

    public string MessageEn => $"The reply must be given and at most {ResidentRequest.MaxReplyLength} characters.";
}

public sealed record DecidedByMustBeGivenRule(string DecidedBy, string ActorField = "decidedBy") : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(DecidedBy) || DecidedBy.Trim().Length > 100;

    public string Code => "request.decided-by-invalid";

    public string Field => ActorField;

    public string MessageZh => "须注明处理人（不超过 100 个字符）。";

    public string MessageEn => "Who decided must be given (at most 100 characters).";
}

/// <summary>
/// Received or Reopened → Accepted | Answered | Merged | TurnedIntoProject; Accepted → the last three; Answered and
/// TurnedIntoProject → Reopened (the resident's word, see <see cref="ResidentRequest.Reopen"/>); Merged is final.
/// </summary>
public sealed record RequestTransitionMustBeLegalRule(RequestStatus From, RequestStatus To) : IBusinessRule
{
    public bool IsBroken() => (From, To) switch
    {
        (RequestStatus.Received or RequestStatus.Reopened, RequestStatus.Accepted or RequestStatus.Answered or RequestStatus.Merged or RequestStatus.TurnedIntoProject) => false,
        (RequestStatus.Answered or RequestStatus.TurnedIntoProject, RequestStatus.Reopened) => false,
        (RequestStatus.Accepted, RequestStatus.Answered or RequestStatus.Merged or RequestStatus.TurnedIntoProject) => false,
        _ => true,
    };

    public string Code => "request.transition-illegal";

    public string Field => "status";

    public string MessageZh => $"诉求不能从“{RequestStatusText.Zh(From)}”变为“{RequestStatusText.Zh(To)}”。";

    public string MessageEn => $"A request cannot go from {From} to {To}.";
}

public sealed record MergeTargetMustBeAnotherOpenRequestRule(bool SameRequest, RequestStatus TargetStatus) : IBusinessRule
{
    public bool IsBroken() => SameRequest || TargetStatus == RequestStatus.Merged;

    public string Code => "request.merge-target-invalid";

    public string Field => "intoRequestId";

    public string MessageZh => "只能并入另一条未被合并的诉求。";

    public string MessageEn => "A request can only be merged into another request that is not itself merged.";
}

public static class RequestStatusText
{
    public static string Zh(RequestStatus status) => status switch
    {
        RequestStatus.Received => "已登记",
        RequestStatus.Accepted => "已受理",
        RequestStatus.Answered => "已答复",
        RequestStatus.Merged => "已合并办理",
        RequestStatus.Reopened => "群众反映未解决，重新办理",
        _ => "已转为办实事项目",
    };
}

public sealed record RequestLocationLengthRule(string Location) : IBusinessRule
{
    public bool IsBroken() => Location.Trim().Length > 200;

    public string Code => "request.location-too-long";

    public string Field => "location";

    public string MessageZh => "地点不超过 200 个字符。";

    public string MessageEn => "The location must be at most 200 characters.";
}

public sealed record ReceivedOnCannotBeInTheFutureRule(DateOnly ReceivedOn, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => ReceivedOn > Today;

    public string Code => "date.in-future";

    public string Field => "receivedOn";

    public string MessageZh => "收到日期不能晚于今天。";

    public string MessageEn => "The date received cannot be in the future.";
}

public sealed record ReopenReasonMustBeGivenRule(string Reason) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length > ResidentRequest.MaxReopenReasonLength;

    public string Code => "request.reopen-reason-invalid";

    public string Field => "reason";

    public string MessageZh => $"请说明为什么没有解决（不超过 {ResidentRequest.MaxReopenReasonLength} 个字符）。";

    public string MessageEn => $"Say why it was not solved (at most {ResidentRequest.MaxReopenReasonLength} characters).";
}

/// <summary>Only an answered request, or one whose project is finished, can be reported as not solved.</summary>
public sealed record ReopenOnlyAfterAnAnswerOrAFinishedProjectRule(RequestStatus Status, bool ProjectFinished) : IBusinessRule
{
    public bool IsBroken() => !(Status == RequestStatus.Answered || (Status == RequestStatus.TurnedIntoProject && ProjectFinished));

    public string Code => "request.not-reopenable";

    public string MessageZh => Status == RequestStatus.TurnedIntoProject
        ? "该诉求已转为办实事项目，项目完成后如仍未解决，可再反映。"
        : "诉求尚未答复（或已合并办理），暂不能反映未解决；答复后可再反映。";

    public string MessageEn => Status == RequestStatus.TurnedIntoProject
        ? "The request became a project; once it is finished you can say it did not solve it."
        : "The request is not answered yet (or was merged); once it is answered you can say it was not solved.";
}
