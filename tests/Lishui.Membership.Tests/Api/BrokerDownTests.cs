using System.Net;
using System.Net.Http.Json;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Tests.Api;

/// <summary>Membership with its broker unreachable: a broker on a port where nothing listens.</summary>
public sealed class BrokerDownMembershipApiFactory : MembershipApiFactory
{
    protected override Uri? BrokerOverride => new("amqp://guest:guest@127.0.0.1:1/");
}

public sealed class BrokerDownTests(BrokerDownMembershipApiFactory api) : IClassFixture<BrokerDownMembershipApiFactory>
{
    [Fact]
    public async Task Without_a_broker_the_service_runs_reports_not_ready_and_keeps_events_in_the_outbox()
    {
        using var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);

        var response = await client.PostAsJsonAsync("/members", new
        {
            name = "孙梅", gender = "Female", birthDate = "1990-02-03", joinedOn = "2015-07-01", organisationId = await api.TownAsync(),
            idNumber = TestIdNumbers.For("1990-02-03"),
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2));
        // The town committee's OrganisationCreated and the MemberRegistered both wait for the broker.
        Assert.Equal(2, await api.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }
}
