using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;

namespace Tandem.Web.Features.Feedback;

public sealed record Theme(string Term, int Count);

/// <summary>
/// A cohort's feedforward themes for the coordinator's report: the most frequent words across everyone's
/// feedforward (English words of 3+ letters minus stop words; Chinese as character bigrams), counted once per
/// text so one person cannot dominate. Counts only: nobody is quoted, and a term needs two texts to show.
/// </summary>
public sealed class FeedforwardThemes(TandemDb db)
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "you", "your", "with", "that", "this", "are", "was", "were", "have", "has", "had", "not", "but",
        "from", "they", "them", "their", "more", "about", "into", "what", "when", "which", "would", "could", "should", "will",
        "can", "also", "some", "than", "then", "there", "these", "those", "been", "being", "just", "very", "much", "many",
        "our", "out", "own", "all", "any", "its", "who", "how", "why", "may", "might", "other", "each", "such", "like", "keep",
    };

    private static readonly HashSet<string> ChineseStop = new(StringComparer.Ordinal) { "我们", "你的", "可以", "一个", "自己", "这个", "的是", "了一" };

    public async Task<IReadOnlyList<Theme>> ForCohortAsync(int cohortId, int top, CancellationToken ct)
    {
        var texts = await db.PairFeedback.AsNoTracking()
            .Where(f => db.Pairs.Any(p => p.Id == f.PairId && p.CohortId == cohortId))
            .Select(f => f.Feedforward).ToListAsync(ct);
        return Tally(texts, top);
    }

    public static IReadOnlyList<Theme> Tally(IEnumerable<string> texts, int top) =>
        texts.SelectMany(t => Terms(t).Distinct())
            .GroupBy(term => term).Select(g => new Theme(g.Key, g.Count())).Where(t => t.Count >= 2)
            .OrderByDescending(t => t.Count).ThenBy(t => t.Term, StringComparer.Ordinal).Take(top).ToList();

    public static IEnumerable<string> Terms(string text)
    {
        var word = new StringBuilder();
        var han = new StringBuilder();
        foreach (var ch in text.ToLowerInvariant() + " ")
        {
            if (IsHan(ch)) han.Append(ch);
            else
            {
                foreach (var b in Bigrams(han)) yield return b;
                han.Clear();
            }
            if (char.IsLetter(ch) && !IsHan(ch)) word.Append(ch);
            else
            {
                if (word.Length >= 3 && !StopWords.Contains(word.ToString())) yield return word.ToString();
                word.Clear();
            }
        }
    }

    private static IEnumerable<string> Bigrams(StringBuilder han)
    {
        for (var i = 0; i + 1 < han.Length; i++)
        {
            var b = han.ToString(i, 2);
            if (!ChineseStop.Contains(b)) yield return b;
        }
    }

    private static bool IsHan(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c >= '\u3400' && c <= '\u9FFF';
}
