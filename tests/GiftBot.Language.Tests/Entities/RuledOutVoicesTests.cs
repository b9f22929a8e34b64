using GiftBot.Language.Entities;

namespace GiftBot.Language.Tests.Entities;

/// <summary>
/// Ruling things out the ways dev batch d3241-d3490 found the rules missing: idioms of excess, outgrown and disliked
/// things, parents' rules, sarcasm, comparisons, marked lists and kinds the catalog names otherwise. Each miss showed a
/// product the shopper had ruled out.
/// </summary>
public sealed class RuledOutVoicesTests
{
    private static ExtractedEntities Extract(string text) => ShopperVoiceTests.CatalogExtractor.Value.Extract(text).Entities;

    private static IReadOnlyList<string> Excluded(string text) => Extract(text).ExcludedInterests.Select(e => e.Value).ToList();

    private static IReadOnlyList<string> Wanted(string text) => Extract(text).Interests.Select(e => e.Value).ToList();

    [Theory]
    // Idioms of excess: more of it than a place holds, up to the eyeballs, a home that is a shop of it.
    [InlineData("my godson has more lego than the lego store, he's 8, into space, 30", "building")]
    [InlineData("more books than a library at ours, 7yo, loves horses, 20", "reading")]
    [InlineData("she's up to her eyeballs in jigsaws, 9, likes baking, 20", "puzzles")]
    [InlineData("his bedroom is basically a dinosaur museum, 7, into robots, 30", "dinosaurs")]
    [InlineData("he has a whole library of books already, 10, likes football, 25", "reading")]
    [InlineData("piles and piles of puzzles in this house, 6yo, likes trains, 20", "puzzles")]
    [InlineData("shelves groaning with books, 9, into science, 25", "reading")]
    [InlineData("we have enough puzzles to stock a shop, 7yo, into cars, 20", "puzzles")]
    [InlineData("we've got lego coming out of our ears, 8yo, loves animals, 25", "building")]
    // Outgrown.
    [InlineData("she's soooo over dinosaurs, 8, loves art, 20", "dinosaurs")]
    [InlineData("nephew (12), over board games, likes music, 30", "gaming")]
    [InlineData("my son outgrew trains last year, 7, loves space, 20", "trains")]
    [InlineData("she's finished with unicorns, 9, into science, 25", "fairy-tales")]
    [InlineData("he used to love dinosaurs, he's 9 now and into football, 25", "dinosaurs")]
    [InlineData("she's too grown up for dolls now, 10, into crafts, 20", "pretend-play")]
    [InlineData("he says lego is for babies, 11, into robots, 35", "building")]
    [InlineData("she's had it up to here with slime, 9, likes art, 20", "crafts")]
    // Dislike.
    [InlineData("my 10yo loathes reading, loves football, 25", "reading")]
    [InlineData("he detests sport, 12, into gaming, 40", "sports")]
    [InlineData("she doesn't get on with puzzles, 7, loves art, 20", "puzzles")]
    [InlineData("he's meh on science, 11, loves music, 30", "science")]
    [InlineData("she's freaked out by dinosaurs, 5, loves animals, 20", "dinosaurs")]
    [InlineData("robots scare him, 6, loves space, 25", "robots")]
    [InlineData("she thinks science is boring, 10, likes art, 25", "science")]
    [InlineData("he turns his nose up at puzzles, 8, loves cars, 20", "puzzles")]
    [InlineData("she cannot stand board games, 12, loves art, 30", "gaming")]
    [InlineData("my brother banned lego from his house, nephew 6, loves trains, 25", "building")]
    // Sarcasm and irony.
    [InlineData("the last thing she needs is another puzzle, 8, likes art, 20", "puzzles")]
    [InlineData("if he gets one more dinosaur I'll lose it, 6, into space, 25", "dinosaurs")]
    [InlineData("one more book and we'll need a new house, 9, loves football, 25", "reading")]
    [InlineData("another board game? over my dead body, 11, into robots, 35", "gaming")]
    [InlineData("yet another book would only gather dust, 9, loves sport, 20", "reading")]
    // Comparisons.
    [InlineData("books are off the table, 9, into space, 25", "reading")]
    [InlineData("puzzles are a hard pass for her, 8, loves art, 20", "puzzles")]
    [InlineData("anything besides lego, 7, likes animals, 25", "building")]
    [InlineData("gaming is a no-no, 12, loves music, 30", "gaming")]
    [InlineData("board games are a no from his dad, 9, into robots, 30", "gaming")]
    [InlineData("books, no way. 8yo, loves cars, 20", "reading")]
    [InlineData("she's anti gaming, 13, loves art, 30", "gaming")]
    // Marked lists.
    [InlineData("✗ lego ✗ books, 9yo, loves space, 30", "building")]
    [InlineData("~~books~~ 7yo, into trains, 20", "reading")]
    [InlineData("9 yrs, into art, avoid -> puzzles, 25", "puzzles")]
    [InlineData("puzzles 👎 space 👍 she's 8, 25", "puzzles")]
    [InlineData("6yo - trains fine, books not fine, 20", "reading")]
    [InlineData("gaming = nope. 12yo, loves music, 30", "gaming")]
    // Kinds the catalog names otherwise.
    [InlineData("no fluffy toys, 2yo, loves animals, 20", "plush")]
    [InlineData("no squishmallows pls, 8yo, animals, 20", "plush")]
    [InlineData("she has grown out of rattles and teddies, 4, loves music, 20", "plush")]
    [InlineData("don't-buy list: slime, stickers. 6yo, loves crafts, 20", "sticker")]
    [InlineData("niece 5: animals yes, cuddly toys no, 20", "plush")]
    [InlineData("no fancy dress, 6yo, loves knights, 25", "pretend-play")]
    // The catalog's other name for a soft toy.
    [InlineData("one more teddy and I'll scream, 2yo, animals, 15", "comforter")]
    [InlineData("no soft toys, 3yo, loves dinosaurs, 20", "comforter")]
    [InlineData("he has a gazillion teddies, 2yo, loves cars, 20", "plush")]
    // Found trying the bot (dev d4930-d4967): a thing joined with "or a", "skip" for passing on it.
    [InlineData("my 10yo is football mad but PLEASE nothing that needs batteries or a screen, 30e", "tech")]
    [InlineData("9 y/o grandson into football, rubbish at puzzles so skip those, £30", "puzzles")]
    [InlineData("8yo loves art, skip the books, 20", "reading")]
    public void RulesOut_WhatTheShopperRuledOut(string text, string excluded) =>
        Assert.Contains(excluded, Excluded(text));

    [Theory]
    // A plain no to one kind of thing (a toy line, a series, a material) leaves the theme it belongs to: the catalog's
    // products naming that kind are left out, the rest of the theme stays (EVALSET.md, excludes and excludedWords).
    [InlineData("my 10 year old loves science but no slime kits, 25", "slime", "crafts")]
    [InlineData("niece is 7 and a crafts fan, not into dolls, 20", "dolls", "pretend-play")]
    [InlineData("she's a big reader, 10, just not another harry potter, 25", "harry potter", "fairy-tales")]
    [InlineData("lego fan, 9, doesn't like the star wars sets, 40", "star wars", "space")]
    [InlineData("my 12yo is a gamer, no more pokemon cards please, 30", "pokemon", "gaming")]
    [InlineData("she loves art, 8, but no slime, 20", "slime", "crafts")]
    [InlineData("he's 6 and loves animals, no dolls please, 20", "dolls", "pretend-play")]
    [InlineData("into science, 11, no minecraft stuff, 30", "minecraft", "gaming")]
    [InlineData("bookworm, 7, but not frozen again please, 20", "frozen", "fairy-tales")]
    public void RulesOutTheKindNotTheTheme_WhenAPlainNoNamesOneKindOfThing(string text, string kind, string theme)
    {
        Assert.Contains(kind, Excluded(text));
        Assert.DoesNotContain(theme, Excluded(text));
    }

    [Theory]
    // Love, not excess or dread: "over the moon", "crazy over", "more than anything", "another" for a collection.
    [InlineData("she'd be over the moon with anything space, 8, 25", "space")]
    [InlineData("he goes crazy over lego, 7, 30", "building")]
    [InlineData("she loves art more than anything, 9, 20", "art")]
    [InlineData("he'd love another lego set for his collection, 9, 40", "building")]
    [InlineData("she used to love unicorns and still does, 8, 20", "fairy-tales")]
    // A thumbs up after a thumbs down is wanted.
    [InlineData("puzzles 👎 space 👍 she's 8, 25", "space")]
    [InlineData("books, no way. 8yo, loves cars, 20", "cars")]
    // "so not those" points at the books last named, already ruled out, never back at what both love.
    [InlineData("twins turning 7, both love animals, €20 each, they have a million books so not those", "animals")]
    // Skipping as a pastime is no ruling out.
    [InlineData("she loves to skip and dance, 7, 20", "music")]
    public void KeepsWanted_WhatIsLoved(string text, string theme)
    {
        Assert.Contains(theme, Wanted(text));
        Assert.DoesNotContain(theme, Excluded(text));
    }

    [Theory]
    // The stage word says who the thing is for, not how old the recipient is.
    [InlineData("she's too grown up for dolls now, 10, into crafts, 20", 10)]
    [InlineData("he says lego is for babies, 11, into robots, 35", 11)]
    // "kinda" is no kindergartener.
    [InlineData("niece 10, kinda over dolls, into crafts, 20", 10)]
    public void ReadsTheAge_NotAStageSaidOfAThing(string text, int age) =>
        Assert.Equal(new AgeRange(age, age), Extract(text).Age?.Value);

    [Theory]
    // Dev batch d4780-d4921: forms of ruling out the set lacked, each of which showed a ruled-out product.
    // A verdict before the thing.
    [InlineData("son 9 is scared stiff of dinosaurs, likes animals and science, 25", "dinosaurs")]
    [InlineData("niece 11, into fashion, she'd roll her eyes at anything crafty, 30", "crafts")]
    [InlineData("my daughter is 7, space lover, wouldn't be seen dead with a book, 20", "reading")]
    [InlineData("9 year old son, space, pass on the books thanks, 25", "reading")]
    [InlineData("8 year old nephew, space, his mum says nix on the screens, 30", "tech")]
    [InlineData("niece 7 - loves the sea - veto on anything musical from her mum - 20", "music")]
    [InlineData("7 yr old niece, loves animals, rules out anything with reading in it, 20", "reading")]
    // A verdict after the thing.
    [InlineData("nephew 11, space and robots, puzzles are a no no, €35", "puzzles")]
    [InlineData("son is 10, wants robot stuff. Board games - uninteresting to him. 40", "gaming")]
    [InlineData("grandson 7, animals, he finds books a chore, 20", "reading")]
    [InlineData("8 yo, science mad, books make him groan, 25", "reading")]
    [InlineData("daughter 10: animals (yes), books (no), games (no). £25", "reading")]
    [InlineData("daughter 10: animals (yes), books (no), games (no). £25", "gaming")]
    [InlineData("Kitchen sets? Done that. Books? Ugh, no. She's 5, loves animals, 20", "reading")]
    // A thing added to a ruled-out one.
    [InlineData("grandson 8 likes animals, books are a no from his parents, lego too, 30", "building")]
    [InlineData("a 10 year old boy who loves animals, up to 25; books aren't his thing, gaming neither", "gaming")]
    // Owned: all there is of the thing asked about.
    [InlineData("ok so my nephew (9) - space obsessed. Lego?? he has the whole shop. under 30", "building")]
    // The ruled-out word as typed: a z plural, a doubled key, a compound the themes list.
    [InlineData("10yo niece loves space, no bookz!! she reads at school enough, 20", "reading")]
    [InlineData("nephew 8, likes trains, nothing leggo pls, 25 euro", "building")]
    [InlineData("7 year old likes dinosaurs, no storybooks or activity books, 15", "reading")]
    // One veto for several children: "them" are the children, not a thing named before.
    [InlineData("gifts for my two boys (both 7), they love animals, none of them like lego, 25 each", "building")]
    [InlineData("twin nieces 9, space fans, neither of them is into reading, 30 each", "reading")]
    // Dev batch d4922-d4929: jotted, borrowed and emoji verdicts.
    [InlineData("nephew 9 space mad, w/o books pls, 25", "reading")]
    [InlineData("niece is 8, adores animals, sans books this time, 20", "reading")]
    [InlineData("grandson 10 into animals, video games are a 👎 from his mum, 30", "gaming")]
    [InlineData("my 8 yr old loves space, books r a no, 20", "reading")]
    [InlineData("niece 7, animals. Lego? pfft. 25", "building")]
    [InlineData("son 9 loves science, screens not allowed in our house, 30", "tech")]
    [InlineData("goddaughter 9 loves animals, books aren't really her jam, 20", "reading")]
    [InlineData("boy 8, dinosaurs, puzzles are not his bag at all, 20", "puzzles")]
    // Dev batch d4969-d5091 (forum voices): "besides" opening a clause, a thing kept away, owning far too many,
    // something to wear.
    [InlineData("niece 10 loves crafts, besides clothes anything goes, 40", "fashion")]
    [InlineData("besides lego, anything really, my 6 yo loves cars, 20", "building")]
    [InlineData("8 year old loves trains, keep the books away from him, 30", "reading")]
    [InlineData("my 8 year old loves space, we have wayyy too many books, 25", "reading")]
    [InlineData("she has far too many puzzles, 7, loves art, 20", "puzzles")]
    [InlineData("granddaughter 7 into crafts, please nothing to wear, 20 pounds", "fashion")]
    // One key of a doubled pair not pressed, in a word too short for typos (dev d4783).
    [InlineData("8yo niece loves art, no boks, 20", "reading")]
    public void RulesOut_FormsTheDevSetLacked(string text, string excluded) =>
        Assert.Contains(excluded, Excluded(text));

    [Theory]
    // What the children love stays wanted beside a veto said of all of them, or of a thing named otherwise.
    [InlineData("gifts for my two boys (both 7), they love animals, none of them like lego, 25 each", "animals")]
    [InlineData("twin nieces 9, space fans, neither of them is into reading, 30 each", "space")]
    [InlineData("9 year old niece, animals, no storybooks she has hundreds, 20", "animals")]
    // None they would not is all of them; a "too" after a loved thing is loved.
    [InlineData("she's 8 and there's no book she won't read, 20", "reading")]
    [InlineData("there isn't a puzzle he can't do, he's 9, 25", "puzzles")]
    [InlineData("my 9 yo loves lego, books too, 25", "reading")]
    // The idiom's word is no thing the recipient is denied ("jam" is no cooking veto).
    [InlineData("goddaughter 9 loves animals, books aren't really her jam, 20", "animals")]
    public void KeepsWanted_BesideAVetoForm(string text, string theme)
    {
        Assert.Contains(theme, Wanted(text));
        Assert.DoesNotContain(theme, Excluded(text));
    }

    [Theory]
    [InlineData("we've got lego coming out of our ears, 8yo, loves animals, 25", "our")]
    [InlineData("books, no way. 8yo, loves cars, 20", "way")]
    [InlineData("6yo - trains fine, books not fine, 20", "fine")]
    [InlineData("goddaughter 9 loves animals, books aren't really her jam, 20", "jam")]
    [InlineData("son 9 loves science, screens not allowed in our house, 30", "allowed")]
    // The person things are kept away from, how far too many, and easing words are nothing ruled out: a product naming
    // them ("a sing-along songbook") would be hidden for nothing.
    [InlineData("8 year old loves trains, keep the books away from him, 30", "him")]
    [InlineData("no rush, but my daughter turns 7 and loves animals, 30", "rush")]
    [InlineData("no pressure but niece is 9 and loves baking, 25 euros", "pressure")]
    [InlineData("8yo loves music, nothing beats a sing-along for him, 30", "sing-along")]
    public void AWordOfTheIdiom_IsNothingRuledOut(string text, string word) =>
        Assert.DoesNotContain(word, Excluded(text));
    [Theory]
    // Probed at scale (dev d5092-d5201): a sign glued before or after a thing, "would rather X than Y", verdicts right
    // after the thing, texted noes.
    [InlineData("boy 8 🚫🧩 loves cars 25", "puzzles")]
    [InlineData("niece 7 🎨❌ loves horses, 20", "art")]
    [InlineData("my son would rather die than do a jigsaw, 9, loves space, 25", "puzzles")]
    [InlineData("she'd sooner eat her socks than read, 10, loves baking, 20", "reading")]
    [InlineData("video games need not apply, 11yo, loves science, 30", "gaming")]
    [InlineData("lego off the table, girl 8 likes art, 25", "building")]
    [InlineData("son 10, dinosaurs are so last year, into robots, 30", "dinosaurs")]
    [InlineData("my nephew 9 is a bit sport-averse, loves music, 20", "sports")]
    [InlineData("board games make him cry, 8, likes cars, 20", "gaming")]
    [InlineData("we've done puzzles to death, 7yo, loves trains, 20", "puzzles")]
    [InlineData("spare me the books, grandson 9 loves football, 25", "reading")]
    [InlineData("nah to lego, 6yo loves dinosaurs, 20", "building")]
    [InlineData("nuthin w books pls, 8yo loves space, 20", "reading")]
    [InlineData("music: no - he likes lego, 7, 25", "music")]
    [InlineData("dinosaur toys ❌ - boy 6 loves trains, 20", "dinosaurs")]
    [InlineData("no bks, girl 9 loves art, 20", "reading")]
    [InlineData("10yo, robots are soooo last year, loves art, 30", "robots")]
    [InlineData("trains are so 2022, 8yo into space, 25", "trains")]
    [InlineData("we're totally dino-ed out, 7, loves cars, 20", "dinosaurs")]
    [InlineData("board games, not allowed - he likes cars, 9, 20", "gaming")]
    [InlineData("niece loves art but football, nah 30", "sports")]
    public void RulesOut_VoicesTheProbeFound(string text, string excluded) =>
        Assert.Contains(excluded, Excluded(text));

    [Theory]
    // What is loved after a glued sign or a preference stays wanted, and is never ruled out with it.
    [InlineData("boy 8 🚫🧩 loves cars 25", "cars")]
    [InlineData("girl 9 🚫📚 loves horses 30", "animals")]
    [InlineData("niece 7 🎨❌ loves horses, 20", "animals")]
    [InlineData("❌🎮 son 10 likes football 30", "sports")]
    [InlineData("he'd rather build lego than read, 8, 25", "building")]
    public void KeepsWanted_WhatIsLovedBesideAGluedSign(string text, string theme)
    {
        Assert.Contains(theme, Wanted(text));
        Assert.DoesNotContain(theme, Excluded(text));
    }

    [Theory]
    // Not knowing about a thing or not having it yet is no veto.
    [InlineData("he hasn't tried lego yet, 5yo, loves building, 25", "building")]
    [InlineData("i don't know much about minecraft but he loves it, 11, 30", "gaming")]
    [InlineData("she'd rather have lego than anything else, 7, 25", "building")]
    public void RulesNothingOut_WhenTheNoIsAboutTheShopperOrTheFuture(string text, string theme)
    {
        Assert.Contains(theme, Wanted(text));
        Assert.Empty(Excluded(text));
    }
}
