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

/// <summary>Received → Accepted | Answered | Merged | TurnedIntoProject; Accepted → the last three; the rest are final.</summary>
public sealed record RequestTransitionMustBeLegalRule(RequestStatus From, RequestStatus To) : IBusinessRule
{
    public bool IsBroken() => (From, To) switch
    {
        (RequestStatus.Received, RequestStatus.Accepted or RequestStatus.Answered or RequestStatus.Merged or RequestStatus.TurnedIntoProject) => false,
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
