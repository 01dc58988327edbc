using System.Globalization;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.MemberImports;
using Lishui.Membership.Domain.Organisations;
using Lishui.Membership.Domain.PersonalData;
using Lishui.Membership.Web;

namespace Lishui.Membership.Features.MemberImports;

/// <summary>One row that passed every check, ready to be registered.</summary>
public sealed record ImportedMember(
    int Row, string Name, Gender Gender, DateOnly BirthDate, DateOnly JoinedOn, DateOnly? FullMemberOn, Guid OrganisationId, PersonalDetails Details,
    byte[] IdNumberHash);

/// <summary>
/// Checks one CSV row as the API checks a registration (the same domain rules), reporting every
/// problem of the row in Chinese with its column. Messages never repeat the ID or phone number.
/// </summary>
public sealed class ImportRowValidator(
    IReadOnlyDictionary<string, int> columns, IReadOnlyList<Organisation> organisations, Func<string, byte[]> hash, DateOnly today,
    IReadOnlySet<Guid>? within = null)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    private readonly Dictionary<string, Organisation> byId = organisations.Where(o => !o.IsClosed).ToDictionary(o => o.Id.Value.ToString());

    private readonly ILookup<string, Organisation> byName = organisations.Where(o => !o.IsClosed).ToLookup(o => o.Name);

    public ImportedMember? Check(int row, string[] fields, List<ImportRowError> errors)
    {
        var before = errors.Count;
        void Error(string column, string code, string zh, string en) => errors.Add(new ImportRowError(row, column, code, zh, en));
        string Cell(string column) => columns[column] < fields.Length ? fields[columns[column]].Trim() : string.Empty;

        var name = Cell(RollCsv.Name);
        Gender? gender = Cell(RollCsv.Gender) switch
        {
            "男" or "Male" or "male" or "M" => Gender.Male,
            "女" or "Female" or "female" or "F" => Gender.Female,
            _ => null,
        };
        if (gender is null)
        {
            Error(RollCsv.Gender, "import.gender-invalid", "性别应为“男”或“女”。", "Gender must be 男 or 女.");
        }

        var birth = Date(RollCsv.BirthDate, required: true, Error);
        var joined = Date(RollCsv.JoinedOn, required: true, Error);
        var full = Date(RollCsv.FullMemberOn, required: false, Error);
        var organisation = Organisation(Cell(RollCsv.Organisation), Error);

        // Spreadsheets keep long numbers as text with a leading apostrophe or tab.
        var details = PersonalDetails.Normalised(TextCell(Cell(RollCsv.IdNumber)), TextCell(Cell(RollCsv.Phone)), null);
        if (details.IdNumber is { } id && (id.Contains('E') || id.Contains('.')))
        {
            Error(RollCsv.IdNumber, "import.id-number-as-number", "身份证号被表格软件当作数字保存（科学计数法），请将该列设为文本后重新导出。",
                "The ID number was saved as a number (scientific notation); format the column as text and export again.");
        }
        else
        {
            foreach (var rule in PersonalDataRules.For(details, birth ?? default).Where(r => r.IsBroken()))
            {
                if (birth is null && rule is IdNumberMustMatchBirthDateRule)
                {
                    continue;
                }

                Error(RollCsv.ColumnOf(rule.Field ?? string.Empty), rule.Code, rule.MessageZh, rule.MessageEn);
            }
        }

        if (birth is { } b && joined is { } j)
        {
            foreach (var rule in Member.RegistrationRules(name, b, j, full, today).Where(r => r.IsBroken()))
            {
                Error(RollCsv.ColumnOf(rule.Field ?? string.Empty), rule.Code, rule.MessageZh, rule.MessageEn);
            }
        }
        else if (string.IsNullOrWhiteSpace(name) || name.Length > MemberNameMustBeGivenRule.MaxLength)
        {
            var rule = new MemberNameMustBeGivenRule(name);
            Error(RollCsv.Name, rule.Code, rule.MessageZh, rule.MessageEn);
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new ImportedMember(row, name.Trim(), gender!.Value, birth!.Value, joined!.Value, full, organisation!.Id.Value, details, hash(details.IdNumber!));

        DateOnly? Date(string column, bool required, Action<string, string, string, string> error)
        {
            var text = Cell(column);
            if (text.Length == 0)
            {
                if (required)
                {
                    error(column, "field.required", $"{column}不能为空。", $"{column} is required.");
                }

                return null;
            }

            if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            error(column, "import.date-invalid", $"{column}应为日期，如 1980-05-01。", $"{column} must be a date such as 1980-05-01.");
            return null;
        }
    }

    private Organisation? Organisation(string value, Action<string, string, string, string> error)
    {
        if (value.Length == 0)
        {
            error(RollCsv.Organisation, "field.required", "所属组织不能为空。", "The organisation is required.");
            return null;
        }

        if (Guid.TryParse(value, out var id))
        {
            if (byId.TryGetValue(id.ToString(), out var found))
            {
                if (within is not null && !within.Contains(found.Id.Value))
                {
                    error(RollCsv.Organisation, "import.organisation-outside", "该党组织不在本次导入的组织范围内。",
                        "The organisation is outside the organisation this roll is imported into.");
                    return null;
                }

                return found;
            }
        }
        else
        {
            // By name, only the organisations the import may fill are candidates.
            var named = byName[value].Where(o => within is null || within.Contains(o.Id.Value)).ToList();
            if (named.Count == 1)
            {
                return named[0];
            }

            if (named.Count > 1)
            {
                error(RollCsv.Organisation, "import.organisation-ambiguous", "有多个同名党组织，请填写组织标识（ID）。",
                    "Several organisations have this name; give the organisation's id.");
                return null;
            }
        }

        error(RollCsv.Organisation, "organisation.unknown-or-closed", "所属党组织不存在或已撤销。", "The organisation does not exist or is closed.");
        return null;
    }

    private static string? TextCell(string value) => value.TrimStart('\'', '\t').Trim() is { Length: > 0 } text ? text : null;
}
