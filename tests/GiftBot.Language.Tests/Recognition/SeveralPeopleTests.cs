namespace GiftBot.Language.Tests.Recognition;

/// <summary>Several people in one message, each with their own age and interests, so the gift finder can serve them one at a time.</summary>
public sealed class SeveralPeopleTests(MeaningModelFixture fixture) : IClassFixture<MeaningModelFixture>
{
    private ShopperUnderstanding Understand(string text) => fixture.Model.Recognize(text).ToShopperUnderstanding();

    [Theory]
    [InlineData("Lily 8 likes horses, Sam 5 likes dinosaurs, 30 each", "Lily", null, 8, "animals", "Sam", null, 5, "dinosaurs")]
    [InlineData("my son is 4 and loves dinosaurs, my daughter is 8 and into art, 30 each", null, "son", 4, "dinosaurs", null, "daughter", 8, "art")]
    [InlineData("need gifts for my nephew (6, trucks) and my niece (10, crafts), about 20 each", null, "nephew", 6, "cars", null, "niece", 10, "crafts")]
    [InlineData("Mia (9) is into drawing and Leo (4) loves trains, about 20 each please", "Mia", null, 9, "art", "Leo", null, 4, "trains")]
    [InlineData("for Ella who's 4 and loves music and for Finn who's 7 and loves robots", "Ella", null, 4, "music", "Finn", null, 7, "robots")]
    // A first name followed by an age is that person's age, whatever follows it; a name is no typo of a recipient ("Nancy" is no nan).
    [InlineData("Poppy 6 loves animals and Max 11 is a big gamer, 20 each", "Poppy", null, 6, "animals", "Max", null, 11, "gaming")]
    [InlineData("Harriet 8 ponies, Louis 10 robots, 25 each", "Harriet", null, 8, "animals", "Louis", null, 10, "robots")]
    [InlineData("Ruby is 4 n loves animals, Finn is 9 n loves lego, 20 each", "Ruby", null, 4, "animals", "Finn", null, 9, "building")]
    [InlineData("Elliot 9 is a bookworm and Nancy 6 is a little chef, 20 each", "Elliot", null, 9, "reading", "Nancy", null, 6, "cooking")]
    [InlineData("Nina 8 - anything crafty, Otto 5 - cars, 15 each", "Nina", null, 8, "crafts", "Otto", null, 5, "cars")]
    // A "no" ruling a thing out corrects no age.
    [InlineData("my son is 8 and loves space (no books), my daughter is 11 and loves art, 25 each", null, "son", 8, "space", null, "daughter", 11, "art")]
    public void ReadsEachPersonsAgeAndInterests(string text, string? name1, string? recipient1, int age1, string theme1, string? name2, string? recipient2, int age2, string theme2)
    {
        var people = Understand(text).People;

        Assert.Equal(2, people.Count);
        Assert.Equal((name1, recipient1, new AgeRange(age1, age1)), (people[0].Name, people[0].Recipient, people[0].Age));
        Assert.Equal((name2, recipient2, new AgeRange(age2, age2)), (people[1].Name, people[1].Recipient, people[1].Age));
        Assert.Contains(theme1, people[0].Interests);
        Assert.DoesNotContain(theme2, people[0].Interests);
        Assert.Contains(theme2, people[1].Interests);
        Assert.DoesNotContain(theme1, people[1].Interests);
    }

    [Fact]
    public void GrownUpsNamedWithWhatEachLoves_AreOnePersonEach_InTheirWordsAgeBand()
    {
        // Found trying the bot: one carousel of garden things and basketball hoops for "your mom", the dad's golf mixed in.
        var people = Understand("i need 3 presents: my mum (loves gardening), dad (golf) and my sister who is 15 and into kpop. 30 each").People;

        Assert.Equal(["mother", "father", "sister"], people.Select(p => p.Recipient));
        Assert.Equal([["gardening"], ["sports"], ["music"]], people.Select(p => p.Interests.ToArray()));
        Assert.True(people[0].Age is { IsBand: true, Min: >= 18 } && people[1].Age is { IsBand: true, Min: >= 18 });
        Assert.Equal(new AgeRange(15, 15), people[2].Age);
    }

    [Theory]
    [InlineData("my mum and aunt both love gardening, 30 each")]
    // No gift each said: one gift, maybe for the nephew, his sister only mentioned.
    [InlineData("for my nephew who loves cars, his sister loves unicorns, 20")]
    [InlineData("present for my friend's daughter who loves horses, 20 each")]
    public void RecipientsWithOneLoveOrOneGift_StayOneSearch(string text) =>
        Assert.Empty(Understand(text).People);

    [Fact]
    public void ListedAgesWithNoInterests_AreOnePersonEach_WhenEachGetsAGift()
    {
        var people = Understand("three grandkids, 5 7 and 9, 20 each").People;

        Assert.Equal([5, 7, 9], people.Select(p => p.Age!.Min));
        Assert.All(people, p => Assert.Empty(p.Interests));
    }

    [Fact]
    public void WhatFollowsEveryone_IsSaidOfThemAll_SoTheyStayOneSearch()
    {
        // Read as Sam's alone, Lily would love nothing and the two would be split.
        var understanding = Understand("Lily (8) and Sam (5), both love horses, 30 each");

        Assert.Empty(understanding.People);
        Assert.Contains("animals", understanding.Interests);
    }

    [Fact]
    public void SomeoneWithNothingSaidOfWhatTheyLove_IsStillTheirOwnPerson()
    {
        var people = Understand("for my nephew (6) and my niece (10, crafts), 20 each").People;

        Assert.Equal(2, people.Count);
        Assert.Empty(people[0].Interests);
        Assert.Equal(["crafts"], people[1].Interests);
    }

    [Theory]
    [InlineData("twins turning 6, both love dinosaurs, 20 each")]
    [InlineData("two kids aged 8, into science, 30 each")]
    [InlineData("Lily and Sam are both 7 and both love lego, 30 each")]
    [InlineData("my son is 5, his sister is 8, he loves dinosaurs")]
    [InlineData("a gift for my 5 and 8 year old to share, 30")]
    [InlineData("grandsons (5 and 7) both into trains, 20 each")]
    [InlineData("son (8) and daughter (5), into space, around 25 each")]
    [InlineData("5yo and 9yo sisters who love reading, 25 each")]
    [InlineData("my daughter's 6, my son's 9, this one's for my son, he loves football, 20")]
    public void AlikePeopleOrOneGift_AreOneSearch(string text) =>
        Assert.Empty(Understand(text).People);
}
