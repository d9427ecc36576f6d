namespace Tandem.Web.Features.Profiles;

public sealed record BigFive(double Extraversion, double Agreeableness, double Conscientiousness, double EmotionalStability, double Openness);

/// <summary>
/// The Ten-Item Personality Inventory (Gosling, Rentfrow &amp; Swann, 2003): ten items answered 1–7;
/// items 2, 4, 6, 8 and 10 are reverse-scored (8 − answer); each trait is the mean of its pair.
/// Only the five trait scores are stored, never the answers.
/// </summary>
public static class Tipi
{
    public const int Items = 10;
    public const int Min = 1;
    public const int Max = 7;

    /// <summary>Trait scores, or null when the answers are not ten values in 1..7.</summary>
    public static BigFive? Score(IReadOnlyList<int>? answers)
    {
        if (answers is null || answers.Count != Items || answers.Any(a => a is < Min or > Max)) return null;
        double Item(int number) => number % 2 == 0 ? 8 - answers[number - 1] : answers[number - 1];
        double Pair(int a, int b) => (Item(a) + Item(b)) / 2;
        return new BigFive(
            Extraversion: Pair(1, 6),
            Agreeableness: Pair(2, 7),
            Conscientiousness: Pair(3, 8),
            EmotionalStability: Pair(4, 9),
            Openness: Pair(5, 10));
    }

    public static BigFive? Of(Profile p) =>
        p is { Extraversion: double e, Agreeableness: double a, Conscientiousness: double c, EmotionalStability: double s, Openness: double o }
            ? new BigFive(e, a, c, s, o)
            : null;
}
