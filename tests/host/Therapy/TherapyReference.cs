using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Therapy;

/// <summary>
/// An independent reference for what an intrathecal pump delivers at the catheter tip, for the
/// property tests. It is told only what the firmware ACCEPTED (prescriptions, stops, refills, bolus
/// grants) and works out the rest itself:
/// - the volume rate, from the rules as docs/therapy.md states them: the basal, every granted bolus
///   over its window (a stop or a bridge ends running ones), priming at the priming rate into an empty
///   line, and a bridge that keeps the old drug's basal until the new drug reaches the tip;
/// - the drug at the tip, from physics: every nanoliter the mechanism moves enters the line at the
///   reservoir's concentration and pushes the same volume out of the tip (plug flow), so what leaves
///   the tip is known without asking the firmware's own line bookkeeping;
/// - the drug mass delivered, integrated exactly (integer nL/h x ms x ug/mL, Int128).
/// The one value it takes from the firmware is the tip arrival it computed, and only after checking
/// it against the plug-flow arrival to within one nanoliter (the firmware counts the line in whole nL).
/// </summary>
public sealed class TherapyReference
{
    /// <summary>nL/h x ms in one nanoliter: the exact unit volumes are kept in.</summary>
    public const long UnitsPerNanoliter = Milliseconds.PerHour;

    private const long Never = long.MaxValue;

    /// <summary>A basal: one rate, or time-of-day steps repeating daily (the pump's day starts at monotonic zero).</summary>
    public sealed class Basal
    {
        public Basal(long[] starts, long[] rates)
        {
            Starts = starts;
            Rates = rates;
        }

        public long[] Starts { get; }
        public long[] Rates { get; }
        public long Peak => Rates.Max();

        public static Basal Continuous(long rate) => new(new[] { 0L }, new[] { rate });

        public static Basal Flex(long[] starts, long[] rates) => new(starts, rates);

        /// <summary>The same dose at another concentration: rates scale by old / new, rounded down.</summary>
        public Basal Scaled(long oldConcentration, long newConcentration) =>
            new(Starts, Rates.Select(r => r * oldConcentration / newConcentration).ToArray());

        public long RateAt(long t, out long next)
        {
            if (Starts.Length == 1)
            {
                next = Never;
                return Rates[0];
            }
            long timeOfDay = t % Milliseconds.PerDay;
            int step = 0;
            for (int i = 0; i < Starts.Length; i++) if (Starts[i] <= timeOfDay) step = i;
            next = t - timeOfDay + (step + 1 < Starts.Length ? Starts[step + 1] : Milliseconds.PerDay);
            return Rates[step];
        }
    }

    private sealed class Segment
    {
        public long Concentration;
        public long Units;
    }

    private readonly long _primingRate;
    private readonly LinkedList<Segment> _line = new();   // first = at the tip
    private readonly List<(long Start, long End, long Rate)> _boluses = new();
    private readonly List<long> _breaks = new() { 0 };
    private readonly List<Int128> _mass = new() { 0 };  // at each break: ug/mL x nL/h x ms that left the tip
    private long _t;

    private long _reservoir;
    private bool _stopped = true;
    private Basal? _plan;
    private long _planConcentration;
    private Basal? _lastRunning;
    private long _lineConcentration;                      // the drug the pump believes fills the line; 0 = never filled
    private bool _flushing;
    private long _incoming;
    private Basal? _push;                                  // null while priming
    private long _arrival = Never;

    /// <param name="lineNanoliters">Pump tubing plus catheter.</param>
    /// <param name="primingRate">nL/h.</param>
    public TherapyReference(long lineNanoliters, long primingRate)
    {
        _primingRate = primingRate;
        _line.AddFirst(new Segment { Concentration = 0, Units = lineNanoliters * UnitsPerNanoliter });
    }

    public long ReservoirConcentration => _reservoir;
    public long PlanConcentration => _planConcentration;
    public long PlanPeak => _stopped || _plan == null ? 0 : _plan.Peak;
    public Basal? PlanBasal => _plan;
    public bool IsStopped => _stopped;
    public bool Flushing => _flushing;

    /// <summary>How many times a new drug reached the tip (each switch the firmware may place up to 1 nL off).</summary>
    public int Arrivals { get; private set; }

    /// <summary>The reservoir now holds <paramref name="concentration"/>; the line keeps what it holds.</summary>
    public void Refilled(long concentration) => _reservoir = concentration;

    /// <summary>A basal prescription was committed at <paramref name="now"/>; <paramref name="firmwareArrival"/> is the firmware's tip arrival.</summary>
    public void Programmed(Basal basal, long concentration, long now, long firmwareArrival)
    {
        AdvanceTo(now);
        if (_flushing)
        {
            // Reprogrammed while the line still flushes: the push goes on, the new basal waits for the tip.
            if (concentration != _incoming) throw new InvalidOperationException($"programmed {concentration} ug/mL while {_incoming} ug/mL is on its way");
        }
        else if (_lineConcentration == concentration)
        {
            // The line holds this drug: the basal changes now, running boluses go on.
            _plan = basal;
            _planConcentration = concentration;
            _stopped = false;
            _lastRunning = basal;
            return;
        }
        else
        {
            _flushing = true;
            _incoming = concentration;
            if (_lineConcentration == 0) _push = null;
            else _push = _lastRunning ?? throw new InvalidOperationException("the reference has no old basal to bridge at");
        }
        _plan = basal;
        _planConcentration = concentration;
        _stopped = false;
        EndBoluses(now);
        CheckArrival(now, firmwareArrival);
        _arrival = firmwareArrival;
    }

    /// <summary>Programmed "stopped" at <paramref name="now"/>: running boluses end; a flush pauses where it is.</summary>
    public void Stopped(long concentration, long now)
    {
        AdvanceTo(now);
        _stopped = true;
        _plan = null;
        _planConcentration = concentration;
        EndBoluses(now);
        _arrival = Never;
    }

    /// <summary>A bolus of <paramref name="nanoliters"/> over <paramref name="duration"/> ms was granted at <paramref name="now"/>.</summary>
    public void Granted(long now, long nanoliters, long duration)
    {
        AdvanceTo(now);
        _boluses.Add((now, now + duration, nanoliters * Milliseconds.PerHour / duration));
    }

    /// <summary>The volume rate, nL/h, at <paramref name="t"/> (not before the time reached).</summary>
    public long RateAt(long t) => RateAt(t, out _);

    public void AdvanceTo(long to)
    {
        while (_t < to)
        {
            long end = Math.Min(to, Next(_t));
            Flow(_t, end, RateAt(_t, out _));
            _t = end;
            if (_flushing && !_stopped && _t == _arrival)
            {
                _flushing = false;
                Arrivals++;
                _lineConcentration = _incoming;
                _arrival = Never;
                if (_plan != null) _lastRunning = _plan;
            }
        }
    }

    /// <summary>The largest exact mass at the tip in any window of <paramref name="window"/> ms, ng (rounded up).</summary>
    public Int128 MaxRollingNanograms(long window) => MaxRollingNanograms(window, out _);

    /// <summary>As <see cref="MaxRollingNanograms(long)"/>, with the end of the window that holds the most.</summary>
    public Int128 MaxRollingNanograms(long window, out long endOfPeak)
    {
        Int128 best = 0;
        endOfPeak = 0;
        foreach (long b in _breaks)
        {
            foreach (long end in new[] { b, b + window })
            {
                Int128 w = MassAt(end, up: true) - MassAt(end - window, up: false);
                if (w > best) { best = w; endOfPeak = end; }
            }
        }
        // ug/mL x nL = pg; the units carry a factor 3.6e6 (nL/h x ms); 1000 pg = 1 ng.
        Int128 scale = (Int128)UnitsPerNanoliter * 1000;
        return (best + scale - 1) / scale;
    }

    private long RateAt(long t, out long next)
    {
        long rate;
        next = Never;
        if (_stopped) rate = 0;
        else if (_flushing)
        {
            rate = _push == null ? _primingRate : _push.RateAt(t, out next);
            next = Math.Min(next, _arrival);
        }
        else rate = _plan!.RateAt(t, out next);
        foreach (var (start, end, r) in _boluses)
        {
            if (t < start) next = Math.Min(next, start);
            else if (t < end)
            {
                rate += r;
                next = Math.Min(next, end);
            }
        }
        return rate;
    }

    private long Next(long t)
    {
        RateAt(t, out long next);
        return next;
    }

    private void EndBoluses(long now)
    {
        for (int i = 0; i < _boluses.Count; i++)
        {
            var (start, end, rate) = _boluses[i];
            if (end > now) _boluses[i] = (start, Math.Max(start, now), rate);
        }
    }

    /// <summary>Plug flow over [a, b) at a constant rate: the reservoir's drug in, the same volume out of the tip.</summary>
    private void Flow(long a, long b, long rate)
    {
        if (rate == 0)
        {
            Record(b, 0);
            return;
        }
        long units = rate * (b - a);
        var last = _line.Last!.Value;
        if (last.Concentration == _reservoir) last.Units += units;
        else _line.AddLast(new Segment { Concentration = _reservoir, Units = units });

        long t = a;
        while (t < b)
        {
            var front = _line.First!.Value;
            long whole = Math.Min(front.Units / rate, b - t);   // milliseconds entirely inside the front segment
            if (whole > 0)
            {
                front.Units -= rate * whole;
                if (front.Units == 0) _line.RemoveFirst();
                t += whole;
                Record(t, (Int128)front.Concentration * rate * whole);
                continue;
            }
            // One millisecond in which the drug at the tip changes: its volume is split exactly.
            Int128 mass = 0;
            long need = rate;
            while (need > 0)
            {
                var f = _line.First!.Value;
                long take = Math.Min(need, f.Units);
                mass += (Int128)f.Concentration * take;
                f.Units -= take;
                need -= take;
                if (f.Units == 0) _line.RemoveFirst();
            }
            t += 1;
            Record(t, mass);
        }
    }

    private void Record(long at, Int128 mass)
    {
        if (mass == 0 && _breaks.Count > 1 && _mass[^1] == _mass[^2])
        {
            _breaks[^1] = at;   // extend a flat piece
            return;
        }
        _breaks.Add(at);
        _mass.Add(_mass[^1] + mass);
    }

    private Int128 MassAt(long x, bool up)
    {
        if (x <= 0) return 0;
        if (x >= _breaks[^1]) return _mass[^1];
        int i = _breaks.BinarySearch(x);
        if (i >= 0) return _mass[i];
        i = ~i - 1;
        Int128 span = _breaks[i + 1] - _breaks[i];
        Int128 rise = (_mass[i + 1] - _mass[i]) * (x - _breaks[i]);
        Int128 part = up ? (rise + span - 1) / span : rise / span;
        return _mass[i] + part;
    }

    /// <summary>
    /// The firmware's tip arrival against physics: the push from <paramref name="now"/> to it must move
    /// what the line holds ahead of the incoming drug, to within one nanoliter.
    /// </summary>
    private void CheckArrival(long now, long firmwareArrival)
    {
        long ahead = 0, seen = 0;
        foreach (var segment in _line)
        {
            seen += segment.Units;
            if (segment.Concentration != _incoming) ahead = seen;
        }
        if (firmwareArrival == Never) throw new InvalidOperationException($"at {now} ms the firmware computed no tip arrival; {ahead / UnitsPerNanoliter} nL are ahead of the new drug");
        long pushed = Pushed(now, firmwareArrival);
        long before = Pushed(now, firmwareArrival - 1);
        if (pushed < ahead - UnitsPerNanoliter || before > ahead + UnitsPerNanoliter)
        {
            throw new InvalidOperationException($"at {now} ms the firmware puts the new drug at the tip at {firmwareArrival} ms, after {pushed / UnitsPerNanoliter} nL; plug flow needs {ahead / UnitsPerNanoliter} nL");
        }
    }

    private long Pushed(long from, long to)
    {
        long units = 0, t = from;
        while (t < to)
        {
            long next = Never;
            long rate = _push == null ? _primingRate : _push.RateAt(t, out next);
            long end = Math.Min(next, to);
            units += rate * (end - t);
            t = end;
        }
        return units;
    }
}
