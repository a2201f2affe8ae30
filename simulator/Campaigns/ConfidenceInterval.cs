namespace OpenIdds.Simulator.Campaigns;

/// <summary>
/// The 95 % intervals a campaign quotes. A pass rate: the Wilson score interval (it stays inside 0..1
/// and is honest at 0 or n passes). A rate of events per patient-year: the exact Poisson (Garwood)
/// interval, so 0 alarms in 3,000 patient-years gives an upper bound of 3.69/3,000 = 1.2 per 1,000.
/// </summary>
public static class ConfidenceInterval
{
    private const double Z95 = 1.959963984540054;

    public static (double Low, double High) Wilson(int passes, int runs)
    {
        if (runs == 0) return (0, 1);
        double p = (double)passes / runs, z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * runs)) / (1 + z2 / runs);
        double half = Z95 * Math.Sqrt(p * (1 - p) / runs + z2 / (4.0 * runs * runs)) / (1 + z2 / runs);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Bounds on the mean count of a Poisson variable seen <paramref name="count"/> times (divide by the exposure for a rate).</summary>
    public static (double Low, double High) PoissonMean(long count)
    {
        double low = count == 0 ? 0 : GammaQuantile(0.025, count);
        double high = GammaQuantile(0.975, count + 1);
        return (low, high);
    }

    /// <summary>The p-quantile of a gamma distribution of shape k and scale 1 (chi-square 2k over 2), by bisection.</summary>
    private static double GammaQuantile(double p, double k)
    {
        double lo = 0, hi = Math.Max(10, 4 * k + 40);
        for (int i = 0; i < 200; i++)
        {
            double mid = (lo + hi) / 2;
            if (RegularizedLowerGamma(k, mid) < p) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /// <summary>P(k, x): the series for x &lt; k + 1, the continued fraction otherwise (Numerical Recipes' split).</summary>
    private static double RegularizedLowerGamma(double k, double x)
    {
        if (x <= 0) return 0;
        double logPrefix = -x + k * Math.Log(x) - LogGamma(k);
        if (x < k + 1)
        {
            double term = 1 / k, sum = term;
            for (int n = 1; n < 1000 && Math.Abs(term) > Math.Abs(sum) * 1e-15; n++) { term *= x / (k + n); sum += term; }
            return sum * Math.Exp(logPrefix);
        }
        double b = x + 1 - k, c = 1 / 1e-300, d = 1 / b, h = d;
        for (int n = 1; n < 1000; n++)
        {
            double an = -n * (n - k);
            b += 2;
            d = an * d + b; if (Math.Abs(d) < 1e-300) d = 1e-300;
            c = b + an / c; if (Math.Abs(c) < 1e-300) c = 1e-300;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15) break;
        }
        return 1 - Math.Exp(logPrefix) * h;
    }

    /// <summary>Lanczos approximation (g = 7, 9 terms).</summary>
    private static double LogGamma(double x)
    {
        double[] c = { 0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7 };
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        double a = c[0], t = x + 7.5;
        for (int i = 1; i < 9; i++) a += c[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }
}
