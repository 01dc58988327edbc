using System.Security.Cryptography;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.PersonalData;
using Lishui.Membership.Protection;
using Lishui.Shared.Domain;
using Microsoft.Extensions.Configuration;

namespace Lishui.Membership.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class PersonalDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static PersonalDataProtector NewProtector() => new(Keys(Key(), Key()));

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static PersonalDataKeys Keys(string? encryption, string? hash) =>
        PersonalDataKeys.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PersonalData:EncryptionKey"] = encryption,
            ["PersonalData:HashKey"] = hash,
        }).Build());

    [Theory]
    [InlineData("11010519491231002X")] // the national standard's own example, check character X
    [InlineData("440605198005010017")]
    [InlineData("440605198005010017 ")]
    [InlineData("11010519491231002x")]
    public void A_resident_id_number_with_its_iso_7064_check_digit_is_valid(string value)
    {
        Assert.Null(ResidentIdNumber.Problem(ResidentIdNumber.Normalise(value)));
    }

    [Theory]
    [InlineData("440605198005010013", IdNumberProblem.CheckDigit)]
    [InlineData("44060519800501001", IdNumberProblem.Length)]
    [InlineData("4406051980050100173", IdNumberProblem.Length)]
    [InlineData("44060519800501A012", IdNumberProblem.Characters)]
    [InlineData("440605198002300012", IdNumberProblem.BirthDate)]
    [InlineData("040605198005010012", IdNumberProblem.Region)]
    public void A_malformed_id_number_says_what_is_wrong(string value, IdNumberProblem problem)
    {
        Assert.Equal(problem, ResidentIdNumber.Problem(value));
    }

    [Fact]
    public void The_check_digit_follows_iso_7064_mod_11_2()
    {
        Assert.Equal('X', ResidentIdNumber.CheckCharacter("11010519491231002"));
        Assert.Equal('7', ResidentIdNumber.CheckCharacter("44060519800501001"));
    }

    [Fact]
    public void Id_numbers_phones_and_emails_are_masked_as_people_expect()
    {
        Assert.Equal("440605********0017", ResidentIdNumber.Mask("440605198005010017"));
        Assert.Equal("138****8000", MobileNumber.Mask("13800138000"));
        Assert.Equal("z***@example.cn", EmailAddress.Mask("zhang.san@example.cn"));
    }

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("19912345678", true)]
    [InlineData("12800138000", false)]
    [InlineData("1380013800", false)]
    [InlineData("23800138000", false)]
    public void Only_mainland_mobile_numbers_are_accepted(string phone, bool valid)
    {
        Assert.Equal(valid, MobileNumber.IsValid(phone));
    }

    [Fact]
    public void Spaces_dashes_and_the_country_code_are_not_part_of_a_mobile_number()
    {
        Assert.Equal("13800138000", MobileNumber.Normalise("+86 138-0013-8000"));
    }

    [Fact]
    public void The_birth_date_in_the_id_number_must_be_the_members()
    {
        var member = Member.Register(new MemberId(Guid.CreateVersion7()), "张三", Gender.Male, new DateOnly(1980, 5, 2), new DateOnly(2005, 7, 1), null, Guid.CreateVersion7(), Now);

        var violation = Assert.Throws<BusinessRuleViolation>(() =>
            member.ProtectPersonalData(new PersonalDetails("440605198005010017", null, null), NewProtector()));

        Assert.Equal("member.id-number-birth-date-mismatch", violation.Rule.Code);
        Assert.Equal("idNumber", violation.Rule.Field);
    }

    [Fact]
    public void Sealed_values_open_again_but_never_look_alike_and_cannot_move_to_another_member()
    {
        var protector = NewProtector();
        var owner = Guid.CreateVersion7();

        var first = protector.Seal("13800138000", owner, "phone");
        var second = protector.Seal("13800138000", owner, "phone");

        Assert.NotEqual(first, second); // a fresh nonce each time
        Assert.Equal("13800138000", protector.Open(first, owner, "phone"));
        Assert.ThrowsAny<CryptographicException>(() => protector.Open(first, Guid.CreateVersion7(), "phone"));
        Assert.ThrowsAny<CryptographicException>(() => protector.Open(first, owner, "email"));
        first[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protector.Open(first, owner, "phone"));
    }

    [Fact]
    public void The_lookup_hash_is_keyed()
    {
        var a = NewProtector();
        var b = NewProtector();

        Assert.Equal(a.Hash("440605198005010017"), a.Hash("440605198005010017"));
        Assert.NotEqual(a.Hash("440605198005010017"), b.Hash("440605198005010017"));
    }

    [Theory]
    [InlineData(null, "PersonalData:EncryptionKey is not configured")]
    [InlineData("not base64!", "PersonalData:EncryptionKey is not valid base64")]
    [InlineData("AAECAw==", "must be exactly 32 bytes")]
    public void Without_a_proper_key_the_service_refuses_to_start(string? encryptionKey, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Keys(encryptionKey, Key()));

        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void The_encryption_and_hash_keys_must_differ()
    {
        var key = Key();

        Assert.Contains("two different keys", Assert.Throws<InvalidOperationException>(() => Keys(key, key)).Message);
    }
}
