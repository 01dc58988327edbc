using Lishui.Contracts.Membership;
using Lishui.Membership.Domain.Organisations;
using Lishui.Membership.Domain.PersonalData;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

public readonly record struct MemberId(Guid Value);

public enum Gender
{
    Female,
    Male,
}

/// <summary>A party member on the roll (党员名册) of one organisation.</summary>
public sealed class Member : AggregateRoot
{
    private Member()
    {
        Name = string.Empty;
    }

    public MemberId Id { get; private set; }

    public string Name { get; private set; }

    public Gender Gender { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public DateOnly JoinedOn { get; private set; }

    public DateOnly? FullMemberOn { get; private set; }

    public Guid OrganisationId { get; private set; }

    public MemberStatus Status { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>The date the current status took effect: a later change cannot take effect before it.</summary>
    public DateOnly StatusSince { get; private set; }

    /// <summary>The date the member came to the current organisation (joining, or the last transfer).</summary>
    public DateOnly OrganisationSince { get; private set; }

    public bool IsOnRoll => Status.IsOnRoll();

    /// <summary>The ID card number, sealed (AES-GCM); null only for members registered before it was required.</summary>
    public byte[]? IdNumberCipher { get; private set; }

    /// <summary>Keyed hash of the normalised ID number: unique on the roll, and how a number is looked up.</summary>
    public byte[]? IdNumberHash { get; private set; }

    public byte[]? PhoneCipher { get; private set; }

    public byte[]? EmailCipher { get; private set; }

    /// <summary>The rules a registration is checked against (also used to report every problem of an imported row at once).</summary>
    public static IEnumerable<IBusinessRule> RegistrationRules(
        string name, DateOnly birthDate, DateOnly joinedOn, DateOnly? fullMemberOn, DateOnly today)
    {
        yield return new MemberNameMustBeGivenRule(name);
        yield return new DateCannotBeInTheFutureRule("birthDate", "出生日期", "birth date", birthDate, today);
        yield return new DateCannotBeInTheFutureRule("joinedOn", "入党日期", "joining date", joinedOn, today);
        yield return new MemberMustBeAdultWhenJoiningRule(birthDate, joinedOn);
        if (fullMemberOn is { } full)
        {
            yield return new FullMembershipCannotPrecedeJoiningRule(joinedOn, full);
            yield return new DateCannotBeInTheFutureRule("fullMemberOn", "转正日期", "full-membership date", full, today);
        }
    }

    public static Member Register(
        MemberId id, string name, Gender gender, DateOnly birthDate, DateOnly joinedOn, DateOnly? fullMemberOn,
        Guid organisationId, DateTimeOffset now)
    {
        var today = TownCalendar.DateOf(now);
        foreach (var rule in RegistrationRules(name, birthDate, joinedOn, fullMemberOn, today))
        {
            CheckRule(rule);
        }

        var member = new Member
        {
            Id = id,
            Name = name.Trim(),
            Gender = gender,
            BirthDate = birthDate,
            JoinedOn = joinedOn,
            FullMemberOn = fullMemberOn,
            OrganisationId = organisationId,
            Status = fullMemberOn is null ? MemberStatus.Probationary : MemberStatus.Full,
            RegisteredAt = now,
            StatusSince = fullMemberOn ?? joinedOn,
            OrganisationSince = joinedOn,
        };
        member.Record(new MemberRegistered
        {
            MemberId = id.Value,
            Name = member.Name,
            Status = member.Status,
            JoinedOn = joinedOn,
        }, now);
        return member;
    }

    /// <summary>
    /// Moves the member to <paramref name="status"/> as decided by <paramref name="decidedBy"/>; the
    /// returned record is the status history row the caller stores with the member. A member advised
    /// to withdraw or leaving the roll holds none of <paramref name="activeRoles"/> from that day.
    /// </summary>
    public MemberStatusChange ChangeStatus(
        MemberStatus status, DateOnly effectiveOn, string reason, string decidedBy, IEnumerable<RoleAssignment> activeRoles, DateTimeOffset now)
    {
        if (!status.IsOnRoll() || status == MemberStatus.WithdrawalAdvised)
        {
            EndAllRoles(activeRoles, effectiveOn, decidedBy, now);
        }

        var today = TownCalendar.DateOf(now);
        CheckRule(new StatusTransitionMustBeLegalRule(Status, status));
        CheckRule(new DateCannotBeInTheFutureRule("effectiveOn", "生效日期", "effective date", effectiveOn, today));
        CheckRule(new ChangeCannotPrecedeCurrentStatusRule(StatusSince, effectiveOn));
        CheckRule(new TextMustBeGivenRule("reason", "原因", "reason", reason, MemberStatusChange.MaxReasonLength));
        CheckRule(new TextMustBeGivenRule("decidedBy", "决定人", "decision maker", decidedBy, MemberStatusChange.MaxDecidedByLength));
        var previous = Status;
        Status = status;
        StatusSince = effectiveOn;
        if (status == MemberStatus.Full)
        {
            FullMemberOn = effectiveOn;
        }

        Record(new MemberStatusChanged
        {
            MemberId = Id.Value,
            Status = status,
            PreviousStatus = previous,
            EffectiveOn = effectiveOn,
            OnRoll = IsOnRoll,
        }, now);
        return new MemberStatusChange(Guid.CreateVersion7(now), Id, previous, status, effectiveOn, reason.Trim(), decidedBy.Trim(), now);
    }

    /// <summary>
    /// Moves the member's roll entry to another organisation in the town (组织关系转接); the returned row
    /// keeps the history. Offices belong to the organisation being left: <paramref name="activeRoles"/> end on the day.
    /// </summary>
    public MemberTransfer TransferTo(
        Organisation target, DateOnly effectiveOn, string reason, string? decidedBy, IEnumerable<RoleAssignment> activeRoles, DateTimeOffset now)
    {
        EndAllRoles(activeRoles, effectiveOn, decidedBy ?? "组织关系转接", now);
        var today = TownCalendar.DateOf(now);
        CheckRule(new OnlyAnActiveMemberTransfersRule(Status));
        CheckRule(new OrganisationMustBeOpenRule(target, "toOrganisationId"));
        CheckRule(new TransferMustChangeOrganisationRule(OrganisationId, target.Id.Value));
        CheckRule(new DateCannotBeInTheFutureRule("effectiveOn", "生效日期", "effective date", effectiveOn, today));
        CheckRule(new TransferCannotPrecedeCurrentOrganisationRule(OrganisationSince, effectiveOn));
        CheckRule(new TextMustBeGivenRule("reason", "原因", "reason", reason, MemberTransfer.MaxReasonLength));
        if (decidedBy is not null)
        {
            CheckRule(new TextMustBeGivenRule("decidedBy", "决定人", "decision maker", decidedBy, MemberStatusChange.MaxDecidedByLength));
        }

        var from = OrganisationId;
        OrganisationId = target.Id.Value;
        OrganisationSince = effectiveOn;
        Record(new MemberTransferred { MemberId = Id.Value, FromOrganisationId = from, ToOrganisationId = OrganisationId, EffectiveOn = effectiveOn }, now);
        return new MemberTransfer(Guid.CreateVersion7(now), Id, from, OrganisationId, effectiveOn, reason.Trim(), decidedBy?.Trim(), now);
    }

    /// <param name="office">The organisation the office is in: the member's own, one above it, or a village for a stationed leader.</param>
    /// <param name="ownOrganisationPath">The path of the member's organisation.</param>
    /// <param name="activeRoles">The roles the member holds now.</param>
    /// <param name="sittingSecretary">The member who is secretary of <paramref name="office"/> now, if any.</param>
    public RoleAssignment AssignRole(
        MemberRole role, Organisation office, string ownOrganisationPath, IReadOnlyCollection<RoleAssignment> activeRoles, Guid? sittingSecretary,
        DateOnly assignedOn, string decidedBy, DateTimeOffset now)
    {
        var today = TownCalendar.DateOf(now);
        CheckRule(new MemberRoleIsNotAssignedRule(role));
        CheckRule(new OrganisationMustBeOpenRule(office, "organisationId"));
        CheckRule(new OfficeMustBeWhereTheMemberServesRule(role, office, ownOrganisationPath));
        CheckRule(new OnlyAFullMemberHoldsAnOfficeRule(Status));
        CheckRule(new RoleNotAlreadyHeldRule(role, activeRoles.Any(r => r.Role == role && r.IsActive)));
        CheckRule(new OneSecretaryPerOrganisationRule(role, sittingSecretary));
        CheckRule(new DateCannotBeInTheFutureRule("assignedOn", "任职日期", "assignment date", assignedOn, today));
        CheckRule(new TextMustBeGivenRule("decidedBy", "决定人", "decision maker", decidedBy, MemberStatusChange.MaxDecidedByLength));
        // An office's events belong to the organisation it is held in.
        Record(new MemberRoleAssigned { MemberId = Id.Value, Role = role.ToString(), AssignedOn = assignedOn }, Id.Value, office.Id.Value, now);
        return new RoleAssignment(Guid.CreateVersion7(now), Id, office.Id.Value, role, assignedOn, decidedBy.Trim(), now);
    }

    /// <param name="dateField">The request field the date came from, named if the date is refused.</param>
    public void RevokeRole(MemberRole role, RoleAssignment? assignment, DateOnly revokedOn, string decidedBy, DateTimeOffset now, string dateField = "revokedOn")
    {
        var today = TownCalendar.DateOf(now);
        CheckRule(new RoleMustBeHeldRule(role, assignment));
        CheckRule(new DateCannotBeInTheFutureRule(dateField, "免职日期", "revocation date", revokedOn, today));
        CheckRule(new RoleCannotEndBeforeItBeganRule(dateField, assignment!.AssignedOn, revokedOn));
        CheckRule(new TextMustBeGivenRule("decidedBy", "决定人", "decision maker", decidedBy, MemberStatusChange.MaxDecidedByLength));
        assignment.End(revokedOn, decidedBy.Trim());
        Record(new MemberRoleRevoked { MemberId = Id.Value, Role = assignment.Role.ToString(), RevokedOn = revokedOn }, Id.Value, assignment.OrganisationId, now);
    }

    /// <summary>Ends every office in <paramref name="activeRoles"/> on <paramref name="on"/>, in the order they were assigned.</summary>
    private void EndAllRoles(IEnumerable<RoleAssignment> activeRoles, DateOnly on, string decidedBy, DateTimeOffset now)
    {
        foreach (var assignment in activeRoles.Where(a => a.IsActive).OrderBy(a => a.Id))
        {
            RevokeRole(assignment.Role, assignment, on, decidedBy, now, dateField: "effectiveOn");
        }
    }

    /// <summary>
    /// Checks and seals the member's ID number, phone and e-mail (replacing what was stored). The
    /// clear values never stay on the aggregate.
    /// </summary>
    public void ProtectPersonalData(PersonalDetails details, IPersonalDataProtector protector, bool idNumberRequired = true)
    {
        foreach (var rule in PersonalDataRules.For(details, BirthDate, idNumberRequired))
        {
            CheckRule(rule);
        }

        IdNumberCipher = details.IdNumber is { } idNumber ? protector.Seal(idNumber, Id.Value, PersonalDetails.IdNumberField) : null;
        IdNumberHash = details.IdNumber is { } forHash ? protector.Hash(forHash) : null;
        PhoneCipher = details.Phone is { } phone ? protector.Seal(phone, Id.Value, PersonalDetails.PhoneField) : null;
        EmailCipher = details.Email is { } email ? protector.Seal(email, Id.Value, PersonalDetails.EmailField) : null;
    }

    /// <summary>The personal data in the clear, for masking or for a logged read.</summary>
    public PersonalDetails OpenPersonalData(IPersonalDataProtector protector) =>
        new(IdNumberCipher is { } id ? protector.Open(id, Id.Value, PersonalDetails.IdNumberField) : null,
            PhoneCipher is { } phone ? protector.Open(phone, Id.Value, PersonalDetails.PhoneField) : null,
            EmailCipher is { } email ? protector.Open(email, Id.Value, PersonalDetails.EmailField) : null);

    /// <summary>
    /// Corrects the member's details (姓名、性别、出生日期、身份证号、手机、邮箱); returns the names of the
    /// fields that changed (empty: nothing changed, no new version).
    /// </summary>
    public IReadOnlyList<string> ChangeDetails(
        string name, Gender gender, DateOnly birthDate, PersonalDetails details, IPersonalDataProtector protector, DateTimeOffset now)
    {
        var today = TownCalendar.DateOf(now);
        CheckRule(new MemberNameMustBeGivenRule(name));
        CheckRule(new DateCannotBeInTheFutureRule("birthDate", "出生日期", "birth date", birthDate, today));
        CheckRule(new MemberMustBeAdultWhenJoiningRule(birthDate, JoinedOn));
        var current = OpenPersonalData(protector);
        var changed = new List<string>();
        if (Name != name.Trim())
        {
            changed.Add("name");
        }

        if (Gender != gender)
        {
            changed.Add("gender");
        }

        if (BirthDate != birthDate)
        {
            changed.Add("birthDate");
        }

        if (current.IdNumber != details.IdNumber)
        {
            changed.Add(PersonalDetails.IdNumberField);
        }

        if (current.Phone != details.Phone)
        {
            changed.Add(PersonalDetails.PhoneField);
        }

        if (current.Email != details.Email)
        {
            changed.Add(PersonalDetails.EmailField);
        }

        // An old entry without an ID number may stay without one; once given it cannot be removed.
        foreach (var rule in PersonalDataRules.For(details, birthDate, idNumberRequired: current.IdNumber is not null))
        {
            CheckRule(rule);
        }

        if (changed.Count == 0)
        {
            return changed;
        }

        Name = name.Trim();
        Gender = gender;
        BirthDate = birthDate;
        if (changed.Any(f => f is PersonalDetails.IdNumberField or PersonalDetails.PhoneField or PersonalDetails.EmailField))
        {
            ProtectPersonalData(details, protector, idNumberRequired: current.IdNumber is not null);
        }

        Record(new MemberDetailsChanged { MemberId = Id.Value, ChangedFields = changed, Name = changed.Contains("name") ? Name : null }, now);
        return changed;
    }

    /// <summary>A member's events belong to the member's organisation at the time.</summary>
    private void Record<T>(T @event, DateTimeOffset now)
        where T : Lishui.Contracts.IntegrationEvent =>
        Record(@event, Id.Value, OrganisationId, now);
}
