using System.Text.Json;
using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;
using MassTransit.Serialization;

namespace Lishui.Contracts.Tests;

/// <summary>
/// Member status and organisation kind are enums in the contracts but text on the wire, exactly as when
/// they were strings: the outbox's JSON and MassTransit's own serializer both write the member's name.
/// </summary>
[Trait("Category", "Unit")]
public sealed class EnumWireFormatTests
{
    private static readonly JsonSerializerOptions[] Serializers = [ContractJson.Options, SystemTextJsonMessageSerializer.Options];

    [Fact]
    public void A_status_change_travels_as_the_status_names()
    {
        var change = new MemberStatusChanged
        {
            MemberId = Guid.NewGuid(), Status = MemberStatus.WithdrawalAdvised, PreviousStatus = MemberStatus.Full,
            EffectiveOn = new DateOnly(2026, 7, 1), OnRoll = true,
        };

        foreach (var options in Serializers)
        {
            var json = JsonDocument.Parse(JsonSerializer.Serialize(change, options)).RootElement;
            Assert.Equal("WithdrawalAdvised", json.GetProperty("status").GetString());
            Assert.Equal("Full", json.GetProperty("previousStatus").GetString());
        }
    }

    [Fact]
    public void An_organisation_kind_travels_as_its_name_and_reads_back()
    {
        var created = new OrganisationCreated { ParentId = null, Name = "高边党群小组", Kind = OrganisationKind.PartyMassGroup, EconomicCooperative = "高边经济社" };

        foreach (var options in Serializers)
        {
            var json = JsonSerializer.Serialize(created, options);
            Assert.Equal("PartyMassGroup", JsonDocument.Parse(json).RootElement.GetProperty("kind").GetString());
            Assert.Equal(OrganisationKind.PartyMassGroup, JsonSerializer.Deserialize<OrganisationCreated>(json, options)!.Kind);
        }
    }

    [Fact]
    public void A_registration_written_before_the_enums_reads_as_the_same_status()
    {
        const string before = """
            {"memberId":"0193a1c0-0000-7000-8000-000000000001","name":"周丽华","status":"Probationary","joinedOn":"2025-07-01",
             "eventId":"0193a1c0-0000-7000-8000-000000000002","occurredAt":"2026-01-05T02:00:00Z",
             "aggregateId":"0193a1c0-0000-7000-8000-000000000001","organisationId":"0193a1c0-0000-7000-8000-000000000003","sequence":1}
            """;

        var registered = JsonSerializer.Deserialize<MemberRegistered>(before, ContractJson.Options)!;

        Assert.Equal(MemberStatus.Probationary, registered.Status);
        Assert.True(registered.Status.IsOnRoll());
        Assert.True(registered.Status.IsInGoodStanding());
        Assert.False(MemberStatus.WithdrawalAdvised.IsInGoodStanding());
        Assert.True(MemberStatus.WithdrawalAdvised.IsOnRoll());
        Assert.False(MemberStatus.Withdrawn.IsOnRoll());
    }
}
