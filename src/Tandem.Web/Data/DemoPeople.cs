using System.Security.Cryptography;
using System.Text;
using Bogus;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Profiles;
using Tandem.Web.Shared;

namespace Tandem.Web.Data;

/// <summary>
/// Generates the demo network's people: a Beijing women's professional network, mostly Chinese and some
/// English names, with employers, industries, expertise, languages and cities to match. Seeded, so every
/// run yields the same people (ids included).
/// </summary>
internal sealed class DemoPeople
{
    public const int Seed = 2026;

    private readonly Faker zh = new("zh_CN") { Random = new Randomizer(Seed) };
    private readonly Faker en = new("en") { Random = new Randomizer(Seed + 1) };
    private Randomizer Rnd => zh.Random;
    private int counter;

    public static readonly string[] Industries =
        ["Finance", "Technology", "Consulting", "Healthcare", "Education", "Consumer goods", "Law", "Media", "Energy", "Public sector"];

    private static readonly Dictionary<string, string[]> Employers = new()
    {
        ["Finance"] = ["Jinghua Capital", "Huaxia Securities", "North Bridge Bank", "Lanting Asset Management"],
        ["Technology"] = ["Baiyun Cloud", "Zhiyuan AI", "ByteLeaf", "Lingxi Robotics"],
        ["Consulting"] = ["Meridian Partners", "Tongda Consulting", "Summit Advisory"],
        ["Healthcare"] = ["Kangning Health", "Huamei Hospital Group", "Tianyi Biotech"],
        ["Education"] = ["Qingyuan Education", "Boya International School", "Mingde Learning Lab"],
        ["Consumer goods"] = ["Hongxing Foods", "Lotus Beauty", "Yunshan Apparel"],
        ["Law"] = ["Hengyuan Law Offices", "Lumen Legal", "Jinghe & Partners"],
        ["Media"] = ["Starlight Media", "Inkstone Publishing", "Huasheng Digital"],
        ["Energy"] = ["Tianhe Energy", "Sunrise Solar", "Greenfield Renewables"],
        ["Public sector"] = ["City Development Bureau", "International Cooperation Office", "Public Health Institute"],
    };

    private static readonly Dictionary<string, string[]> IndustryExpertise = new()
    {
        ["Finance"] = ["investment banking", "risk management", "corporate finance"],
        ["Technology"] = ["product management", "data science", "engineering management"],
        ["Consulting"] = ["problem solving", "client management", "strategy"],
        ["Healthcare"] = ["clinical research", "healthcare operations"],
        ["Education"] = ["curriculum design", "edtech"],
        ["Consumer goods"] = ["marketing", "brand management", "supply chain"],
        ["Law"] = ["compliance", "corporate law"],
        ["Media"] = ["content strategy", "communications"],
        ["Energy"] = ["esg", "sustainability"],
        ["Public sector"] = ["policy", "government relations"],
    };

    public static readonly string[] GeneralExpertise =
    [
        "leadership", "career planning", "negotiation", "public speaking", "managing up", "people management", "work-life balance",
        "returning to work", "personal branding", "networking", "change management", "career change", "executive presence",
        "cross-cultural teams", "entrepreneurship", "fundraising", "board roles",
    ];

    private static readonly string[] Interests =
        ["hiking", "reading", "calligraphy", "yoga", "photography", "running", "cooking", "travel", "tea", "piano", "volunteering", "painting"];

    private static readonly Dictionary<Seniority, string[]> Titles = new()
    {
        [Seniority.Entry] = ["Analyst", "Associate", "Coordinator", "Assistant Engineer", "Junior Consultant"],
        [Seniority.Junior] = ["Senior Analyst", "Specialist", "Engineer", "Consultant", "Account Executive", "Associate Lawyer"],
        [Seniority.MidManagement] = ["Manager", "Senior Manager", "Team Lead", "Product Manager", "Senior Associate"],
        [Seniority.Senior] = ["Director", "Senior Director", "Partner", "Head of Strategy", "Principal"],
        [Seniority.Executive] = ["Chief Executive Officer", "Chief Financial Officer", "Chief Operating Officer", "Managing Director", "Chief Technology Officer", "General Counsel"],
    };

    // Common surnames with their pinyin, so a person's Chinese and English names agree.
    private static readonly (string Hanzi, string Pinyin)[] Surnames =
    [
        ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"),
        ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"),
        ("何", "He"), ("林", "Lin"), ("高", "Gao"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
        ("唐", "Tang"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"), ("沈", "Shen"),
    ];

    private static readonly string[] WomensGivenNames =
    [
        "秀英", "丽娟", "静", "敏", "婷", "雪", "慧", "颖", "欣怡", "思琪", "佳怡", "雨婷", "晓燕", "丽华", "玉兰", "海燕", "梦瑶", "诗涵",
        "子涵", "雅婷", "晨曦", "若曦", "一诺", "欣妍", "可馨", "紫萱", "嘉怡", "美琳", "慧敏", "文静", "晓红", "春梅", "璐", "琳", "倩",
        "悦", "丹", "蕾", "洁", "芳", "娜", "燕", "霞", "佳琪", "心怡",
    ];

    private static readonly string[] Domains = ["example.com", "example.cn", "example.net"];

    public Randomizer Random => Rnd;

    /// <summary>A stable user id derived from the email, so two seeds produce the same ids.</summary>
    public static string IdFor(string email)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("tandem-demo/" + email));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    public sealed record Person(User User, Profile Profile);

    /// <summary>
    /// A person who exists only as demo data: no password hash, so the account cannot sign in
    /// (only the three <see cref="DemoData.SignIns"/> can). Built directly rather than through
    /// UserManager, which hashes a password per user and would make seeding take many seconds.
    /// </summary>
    public Person Create(Seniority seniority, bool female, DateTime now)
    {
        var n = ++counter;
        var surname = Rnd.ArrayElement(Surnames);
        var englishFirst = en.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
        var style = Rnd.Int(0, 99);
        string name, local;
        if (style < 5)
        {
            var last = en.Name.LastName();
            name = $"{englishFirst} {last}";
            local = $"{englishFirst}.{last}";
        }
        else if (style < 35)
        {
            name = $"{englishFirst} {surname.Pinyin}";
            local = $"{englishFirst}.{surname.Pinyin}";
        }
        else
        {
            // Bogus's zh_CN given names are not gendered and read mostly as men's names; women get names from the list below.
            name = surname.Hanzi + (female ? Rnd.ArrayElement(WomensGivenNames) : zh.Name.FirstName());
            local = $"{surname.Pinyin}.{englishFirst}";
        }
        var email = new string(local.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '.').ToArray()) + n + "@" + Rnd.ArrayElement(Domains);

        var city = Rnd.WeightedRandom(["Beijing", "Shanghai", "Shenzhen", "Hong Kong", "Remote"], [0.70f, 0.10f, 0.07f, 0.06f, 0.07f]);
        var languages = Rnd.WeightedRandom<string[]>([["zh", "en"], ["zh"], ["en", "zh", "fr"], ["en", "zh", "ja"]], [0.80f, 0.12f, 0.04f, 0.04f]);
        if (style < 5) languages = Rnd.Bool(0.5f) ? ["en"] : ["en", "zh"];
        if (city == "Hong Kong") languages = [.. languages, "yue"];
        var industry = Rnd.ArrayElement(Industries);
        var employer = Rnd.ArrayElement(Employers[industry]);
        var title = Rnd.ArrayElement(Titles[seniority]);
        var expertise = Rnd.ListItems(IndustryExpertise[industry].ToList(), Rnd.Int(1, 2))
            .Concat(Rnd.ListItems(GeneralExpertise.ToList(), seniority >= Seniority.Senior ? Rnd.Int(2, 4) : Rnd.Int(1, 2))).ToList();
        var years = seniority switch
        {
            Seniority.Entry => Rnd.Int(0, 2), Seniority.Junior => Rnd.Int(2, 5), Seniority.MidManagement => Rnd.Int(6, 10),
            Seniority.Senior => Rnd.Int(10, 18), _ => Rnd.Int(15, 28),
        };
        var bio = $"{title} at {employer}, {years} years in {industry.ToLowerInvariant()}. " + Rnd.ArrayElement(BioLines(seniority));
        var hasTraits = Rnd.Bool(0.6f);

        var user = new User
        {
            Id = IdFor(email), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, PasswordHash = null, LockoutEnabled = true,
            SecurityStamp = IdFor("stamp/" + email), ConcurrencyStamp = IdFor("concurrency/" + email),
            CreatedAt = now.AddDays(-Rnd.Int(200, 900)),
        };
        var profile = new Profile
        {
            UserId = user.Id, DisplayName = name, Gender = female ? "female" : "male", Pronouns = female ? "she/her" : "he/him",
            Languages = TagList.Format(languages), City = city, TimeZone = city == "Hong Kong" ? "Asia/Hong_Kong" : "Asia/Shanghai",
            Employer = employer, JobTitle = title, Seniority = seniority, Industry = industry, Expertise = TagList.Format(expertise),
            Interests = TagList.Format(Rnd.ListItems(Interests.ToList(), Rnd.Int(1, 3))), Bio = bio,
            Extraversion = hasTraits ? Trait() : null, Agreeableness = hasTraits ? Trait() : null, Conscientiousness = hasTraits ? Trait() : null,
            EmotionalStability = hasTraits ? Trait() : null, Openness = hasTraits ? Trait() : null,
            UpdatedAt = now.AddDays(-Rnd.Int(1, 120)),
        };
        return new Person(user, profile);
    }

    private double Trait() => Rnd.Int(2, 14) / 2.0;

    private static string[] BioLines(Seniority seniority) => seniority >= Seniority.MidManagement
        ?
        [
            "I have led teams through two restructurings and care about helping women negotiate their next role.",
            "I moved from an engineering role into general management and like to talk about career pivots.",
            "I returned to work after two children and a master's degree, and mentor women doing the same.",
            "I have hired and promoted many people and can share what decision makers look for.",
            "I sit on a non-profit board and enjoy helping others find their first board role.",
            "I built a business unit from scratch in Beijing and love talking about taking smart risks.",
        ]
        :
        [
            "I want to grow into a team lead and learn to speak up with confidence in meetings.",
            "I am thinking about moving from operations into product and would love a sounding board.",
            "I joined my company two years ago and want to plan the next five years deliberately.",
            "I am preparing for my first people-management role.",
            "I want to get better at negotiating my salary and scope.",
        ];

    public string Offer(Profile p) => Rnd.ArrayElement(
    [
        $"Honest feedback on your career plan and introductions in {p.Industry?.ToLowerInvariant()}.",
        "Practice for difficult conversations: salary, promotion, feedback to your manager.",
        "A monthly coffee in Beijing or a video call, and help turning goals into a one-year plan.",
        $"What I learned about {(TagList.Parse(p.Expertise) is [var first, ..] ? first : "leadership")} in {p.Industry?.ToLowerInvariant()}, and the mistakes to avoid.",
        "Reviewing your CV and LinkedIn profile, mock interviews, and a wider network.",
    ]);

    public string Flourish(Profile p) => Rnd.ArrayElement(
    [
        "In the next year I want to be promoted to team lead and learn to give feedback that helps.",
        "I want to decide whether to move from my current industry into technology, and make a plan for it.",
        "I want to build the confidence to present to senior leadership and to negotiate my next role.",
        "I am returning from maternity leave and want to rebuild my network and my visibility at work.",
        $"I want to deepen my {(TagList.Parse(p.Expertise) is [var first, ..] ? first : "professional")} skills and find a sponsor inside my company.",
        "I want to understand how to move from specialist work into management without losing what I love about my job.",
    ]);

    public IEnumerable<string> FocusAreas() =>
        Rnd.ListItems(new List<string> { "confidence", "negotiation", "career planning", "leadership", "visibility", "work-life balance", "networking", "public speaking", "career change" }, Rnd.Int(1, 3));

    /// <summary>Weekly availability bits (day*3 + part): a few evenings and weekend mornings, as busy people have.</summary>
    public int Availability()
    {
        var bits = 0;
        for (var i = 0; i < Rnd.Int(3, 7); i++) bits |= 1 << Rnd.Int(0, 20);
        return bits;
    }
}
