using Lishui.PracticalProjects.Domain.Opinions;
using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Tests;

[Trait("Category", "Unit")]
public sealed class OpinionCollectionTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly Guid Visitor = Guid.CreateVersion7();
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static HouseholdSignature Typed(string name) => new(name, true, null);

    /// <summary>Land for the Gaobian road: 48 households of the Gaobian cooperative.</summary>
    private static OpinionCollection GaobianRoad() =>
        OpinionCollection.Open(new OpinionCollectionId(Guid.CreateVersion7()), "高边经济社修路征地", Guid.CreateVersion7(), "高边经济社", null, 48, 90);

    [Fact]
    public void Forty_four_of_forty_eight_households_agreeing_passes_the_ninety_percent_rule()
    {
        var collection = GaobianRoad();
        var households = Enumerable.Range(0, 48).Select(_ => Guid.CreateVersion7()).ToList();
        foreach (var (household, i) in households.Select((h, i) => (h, i)))
        {
            collection.Record(household, true, i < 44 ? Position.Agree : i < 46 ? Position.Disagree : Position.Abstain, Typed($"户主{i + 1:00}"), $"签字-{i + 1:000}", Visitor, Today, Today, Now);
        }

        var result = collection.Complete(DateTimeOffset.UtcNow);

        Assert.True(result.Passed);
        Assert.Equal((44, 2, 2, 0), (result.Agree, result.Disagree, result.Abstain, result.NotVisited));
        Assert.Equal(91.7m, result.AgreeShare);
    }

    [Fact]
    public void Households_not_visited_count_against_the_threshold()
    {
        var collection = GaobianRoad();
        for (var i = 0; i < 43; i++)
        {
            collection.Record(Guid.CreateVersion7(), true, Position.Agree, Typed("梁伯"), null, Visitor, Today, Today, Now);
        }

        var result = collection.Complete(DateTimeOffset.UtcNow);

        Assert.False(result.Passed);
        Assert.Equal(5, result.NotVisited);
    }

    [Fact]
    public void A_second_visit_amends_the_household_position_and_keeps_the_first()
    {
        var collection = GaobianRoad();
        var household = Guid.CreateVersion7();

        collection.Record(household, true, Position.Disagree, Typed("何婶"), null, Visitor, Today.AddDays(-3), Today, Now);
        var amended = collection.Record(household, true, Position.Agree, Typed("何婶"), "签字-007", Visitor, Today, Today, Now);

        Assert.Equal(2, amended.Revision);
        Assert.Equal(2, collection.Positions.Count);
        Assert.Equal(1, collection.Tally().Agree);
        Assert.Equal(0, collection.Tally().Disagree);
    }

    [Fact]
    public void A_completed_collection_takes_no_more_positions_and_visits_are_not_in_the_future()
    {
        var collection = GaobianRoad();
        Assert.Equal("date.in-future", Assert.Throws<BusinessRuleViolation>(() =>
            collection.Record(Guid.CreateVersion7(), true, Position.Agree, Typed("梁伯"), null, Visitor, Today.AddDays(1), Today, Now)).Rule.Code);

        collection.Complete(DateTimeOffset.UtcNow);

        Assert.Equal("opinion.completed", Assert.Throws<BusinessRuleViolation>(() =>
            collection.Record(Guid.CreateVersion7(), true, Position.Agree, Typed("梁伯"), null, Visitor, Today, Today, Now)).Rule.Code);
    }

    [Fact]
    public void No_more_households_are_recorded_than_are_affected()
    {
        var collection = OpinionCollection.Open(new OpinionCollectionId(Guid.CreateVersion7()), "小巷改造", Guid.CreateVersion7(), "岑岗经济社", null, 1, 90);
        collection.Record(Guid.CreateVersion7(), true, Position.Agree, Typed("梁伯"), null, Visitor, Today, Today, Now);

        Assert.Equal("opinion.too-many-households", Assert.Throws<BusinessRuleViolation>(() =>
            collection.Record(Guid.CreateVersion7(), true, Position.Agree, Typed("梁伯"), null, Visitor, Today, Today, Now)).Rule.Code);
    }

    [Fact]
    public void Agreeing_or_disagreeing_unsigned_is_refused_and_abstaining_needs_no_signature()
    {
        var collection = GaobianRoad();

        Assert.Equal("opinion.signature-required", Assert.Throws<BusinessRuleViolation>(() =>
            collection.Record(Guid.CreateVersion7(), true, Position.Agree, HouseholdSignature.None, null, Visitor, Today, Today, Now)).Rule.Code);
        // A typed name without the household's confirmation is no signature.
        Assert.Equal("opinion.signature-required", Assert.Throws<BusinessRuleViolation>(() =>
            collection.Record(Guid.CreateVersion7(), true, Position.Disagree, new HouseholdSignature("梁伯", false, null), null, Visitor, Today, Today, Now)).Rule.Code);

        collection.Record(Guid.CreateVersion7(), true, Position.Abstain, HouseholdSignature.None, null, Visitor, Today, Today, Now);
        var drawn = collection.Record(Guid.CreateVersion7(), true, Position.Agree, new HouseholdSignature(null, false, Guid.CreateVersion7()), null, Visitor, Today, Today, Now);

        Assert.NotNull(drawn.SignatureImageId);
        Assert.Equal((1, 1), (collection.Tally().Agree, collection.Tally().Abstain));
    }

    [Fact]
    public void A_household_not_on_the_cooperatives_register_is_refused()
    {
        var collection = GaobianRoad();

        var refused = Assert.Throws<BusinessRuleViolation>(() =>
            collection.Record(Guid.CreateVersion7(), false, Position.Agree, Typed("外村人"), null, Visitor, Today, Today, Now));

        Assert.Equal("opinion.household-not-on-register", refused.Rule.Code);
        Assert.Contains("高边经济社", refused.Rule.MessageZh, StringComparison.Ordinal);
        Assert.Empty(collection.Positions);
    }
}
