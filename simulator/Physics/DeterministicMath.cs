namespace OpenIdds.Simulator.Physics;

/// <summary>
/// Bit-identical physics on every machine: the same scenario and seed must give the same event log on
/// x64 and ARM64, Linux and Windows. IEEE +, -, x, / and sqrt are exact everywhere, but Math.Exp and
/// friends come from each platform's libm and may differ in the last bit, which could move an alarm by
/// a tick. So the few transcendental functions the model needs are written here with basic operations.
/// </summary>
public static class DeterministicMath
{
    private const double Ln2 = 0.69314718055994530942;

    /// <summary>e^-x for x &gt;= 0: range reduction by ln 2 (exact halvings) and a Taylor series on [0, ln 2).</summary>
    public static double ExpNegative(double x)
    {
        if (x <= 0) return 1.0;
        if (x > 700) return 0.0;
        int halvings = (int)(x / Ln2);
        double r = x - halvings * Ln2;
        double term = 1.0, sum = 1.0;
        for (int k = 1; k <= 20; k++)
        {
            term *= -r / k;
            sum += term;
        }
        // The halvings in one multiplication by 2^-halvings, built from its bits: e^-700 is still a
        // normal double, so this is exact and gives the same bits as halving one step at a time - which
        // cost up to a thousand multiplications per call (a 30 s sleep of the stiff implanted line).
        return sum * BitConverter.Int64BitsToDouble((long)(1023 - halvings) << 52);
    }

    private const double TwoPi = 6.28318530717958647692;

    /// <summary>sin x: reduced to [-pi, pi] with basic operations, then a Taylor series (error below 1e-12).</summary>
    public static double Sin(double x)
    {
        double r = x - Math.Floor(x / TwoPi + 0.5) * TwoPi;
        double term = r, sum = r, r2 = r * r;
        for (int k = 1; k <= 15; k++)
        {
            term *= -r2 / ((2 * k) * (2 * k + 1));
            sum += term;
        }
        return sum;
    }
}
