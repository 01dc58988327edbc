namespace Lishui.Notification.Domain.Templates;

/// <summary>The wording used until someone edits a template over the API (version 0).</summary>
public static class DefaultTemplates
{
    private static readonly Dictionary<string, (string TitleZh, string BodyZh, string TitleEn, string BodyEn)> Wording = new()
    {
        ["welcome"] = (
            "欢迎加入党员名册",
            "{{name}}同志：您好！您已登记在里水镇党员名册中。每周二是“党建星期二”，请按时参加第一议题学习。",
            "Welcome to the member roll",
            "Dear comrade {{name}}: you are now on the Lishui Town member roll. Every Tuesday is Party Building Tuesday: please join the First Agenda study."),
        ["study-session-reminder"] = (
            "第一议题学习提醒",
            "{{name}}同志：党建星期二第一议题学习将于{{startsAt}}在{{place}}举行，学习内容：{{topic}}。请准时参加。",
            "First Agenda study reminder",
            "Comrade {{name}}: the Party Building Tuesday First Agenda study starts at {{startsAt}} at {{place}} (topic: {{topic}}). Please be on time."),
        ["stationing-visit-reminder"] = (
            "驻点接访提醒",
            "{{name}}同志：您的驻点接访将于{{startsAt}}在{{place}}开始，请按时到岗听取群众诉求。",
            "Stationing visit reminder",
            "Comrade {{name}}: your stationing visit starts at {{startsAt}} at {{place}}. Residents will bring their requests."),
        ["contact-overdue"] = (
            "结对联系已逾期",
            "{{name}}同志：您与结对党员{{partner}}的联系已于{{dueOn}}到期，请尽快联系并登记。",
            "Pairing contact overdue",
            "Comrade {{name}}: your contact with your paired member {{partner}} was due on {{dueOn}}. Please get in touch and log it."),
        ["contact-overdue-secretary"] = (
            "结对联系逾期（请督促）",
            "{{name}}同志：结对党员{{organMember}}与{{villageMember}}的联系已于{{dueOn}}到期，请督促落实。",
            "Pairing contact overdue (please follow up)",
            "Comrade {{name}}: the paired members {{organMember}} and {{villageMember}} were due to be in contact by {{dueOn}}. Please follow up."),
        ["assessment-notice-published"] = (
            "{{year}}年度积分考核结果公示",
            "{{name}}同志：{{year}}年度党员量化积分考核结果已公示，公示期为{{opensOn}}至{{closesOn}}，如有异议请在公示期内提出。",
            "{{year}} assessment results published",
            "Comrade {{name}}: the {{year}} points assessment results are on public notice from {{opensOn}} to {{closesOn}}. Objections may be raised within that window."),
        ["objection-filed"] = (
            "收到公示异议",
            "{{name}}同志：考核公示收到一条异议（编号：{{objectionId}}，涉及：{{member}}）：“{{text}}”。请于{{answerBy}}前答复。",
            "Objection received",
            "Comrade {{name}}: an objection to the public notice was filed (no. {{objectionId}}, concerning: {{member}}): \"{{text}}\". Please answer it by {{answerBy}}."),
        ["organisational-talk-required"] = (
            "组织谈话通知",
            "{{name}}同志：根据{{year}}年度考核结果，组织将与您进行谈话，请于{{dueOn}}前与党组织书记联系。",
            "Organisational talk",
            "Comrade {{name}}: following the {{year}} assessment, your party organisation will hold a talk with you. Please contact your secretary before {{dueOn}}."),
        ["organisational-talk-required-secretary"] = (
            "需进行组织谈话",
            "{{name}}同志：{{member}}同志{{year}}年度考核为不合格，请于{{dueOn}}前完成组织谈话。",
            "Organisational talk required",
            "Comrade {{name}}: {{member}} was graded Unqualified for {{year}}. Please hold the organisational talk by {{dueOn}}."),
        ["withdrawal-advice-case-opened"] = (
            "劝退案件待研究",
            "{{name}}同志：{{member}}同志连续两年（{{years}}）考核不合格，已于{{openedOn}}启动劝退程序，请党委研究决定。",
            "Withdrawal-advice case opened",
            "Comrade {{name}}: {{member}} was Unqualified in two consecutive years ({{years}}); a withdrawal-advice case was opened on {{openedOn}} for the committee to decide."),
        ["resident-request-answered"] = (
            "您反映的诉求已答复",
            "您反映的诉求（编号{{referenceNumber}}）已有答复：{{reply}}",
            "Your request has been answered",
            "Your request {{referenceNumber}} has been answered: {{reply}}"),
        ["resident-request-turned-into-project"] = (
            "您反映的诉求已立为实事项目",
            "您反映的诉求（编号{{referenceNumber}}）已纳入“我为群众办实事”项目：{{projectTitle}}。",
            "Your request became a project",
            "Your request {{referenceNumber}} is now a practical project: {{projectTitle}}."),
        ["project-overdue"] = (
            "实事项目已逾期",
            "{{name}}同志：您负责的项目“{{title}}”计划于{{plannedEnd}}完成，现已逾期（第{{period}}期），请尽快推进并报告进度。",
            "Project overdue",
            "Comrade {{name}}: the project \"{{title}}\" you are responsible for was due by {{plannedEnd}} and is overdue (period {{period}}). Please report progress."),
        ["member-commended"] = (
            "{{year}}年度优秀党员表彰",
            "{{name}}同志：您在{{year}}年度党员量化积分考核中被评为优秀，予以表彰。感谢您在各项工作中发挥先锋模范作用！",
            "Commended for {{year}}",
            "Comrade {{name}}: you were graded Excellent in the {{year}} points assessment and are commended. Thank you for setting an example."),
        ["organisational-talk-overdue"] = (
            "组织谈话已逾期",
            "{{name}}同志：{{member}}同志{{year}}年度考核不合格，组织谈话应于{{dueOn}}前完成，现已逾期，请尽快谈话并登记谈话人、日期和结果。",
            "Organisational talk overdue",
            "Comrade {{name}}: the organisational talk with {{member}} about the {{year}} assessment was due by {{dueOn}} and is overdue. Please hold it and record who talked, when and the outcome."),
        ["resident-request-reopened"] = (
            "群众反映诉求未解决",
            "{{name}}同志：编号{{referenceNumber}}的群众诉求，群众于{{reopenedOn}}反映答复或项目未能解决问题：{{reason}}。该诉求已重新办理，请尽快跟进。",
            "A resident says their request was not solved",
            "Comrade {{name}}: on {{reopenedOn}} the resident said the answer or the project did not solve request {{referenceNumber}}: {{reason}}. It is open again; please follow it up."),
        ["digest"] = (
            "您有{{count}}条提醒",
            "{{name}}同志：您有{{count}}条提醒：\n{{items}}",
            "You have {{count}} reminders",
            "Comrade {{name}}: you have {{count}} reminders:\n{{items}}"),
    };

    public static MessageTemplate For(TemplateKind kind, string locale, DateTimeOffset now)
    {
        if (!Wording.TryGetValue(kind.Key, out var w))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind.Key, "No default wording.");
        }

        return locale == "en"
            ? MessageTemplate.Write(kind, locale, 0, w.TitleEn, w.BodyEn, "system", now)
            : MessageTemplate.Write(kind, locale, 0, w.TitleZh, w.BodyZh, "system", now);
    }
}
