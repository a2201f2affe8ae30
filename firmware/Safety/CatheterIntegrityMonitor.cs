using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// Catheter integrity from the pressure sensor the occlusion detector already reads. With the tip in
    /// CSF, the cardiac pulse and the respiratory wave reach the pump through the catheter; with the tip
    /// out of the intrathecal space, a leak or a disconnection they fade, and a kink's higher resistance
    /// low-passes the line, so the faster cardiac pulse fades first (docs/catheter.md).
    /// Every <see cref="BurstIntervalMilliseconds"/> it samples a burst of <see cref="PulseBandEnergy.Samples"/>
    /// readings every <see cref="SamplePeriodMilliseconds"/>, between strokes: CATHETER-BURST-IN-A-GAP, a burst
    /// starts only where the pump's next planned stroke leaves it time to finish, <see cref="SettleMilliseconds"/>
    /// after the last stroke (an unplanned stroke restarts it; after <see cref="GiveUpMilliseconds"/> without a
    /// clean burst it waits for the next interval). The first <see cref="BaselineBursts"/> bursts are the
    /// patient's own baseline: per band the mean of the middle two, so a cough or a posture change in one
    /// or two of them (a step floods every band, the noise bins too) does not inflate it. A later burst
    /// whose noise is over <see cref="DisturbedNoiseMultiple"/> times the baseline's was disturbed the same
    /// way: it is not judged and leaves the runs as they were. Rules (docs/hazards.md):
    /// - CATHETER-PULSATILITY-LOST: every judged band's energy below 1/<see cref="LossDivisor"/> of its
    ///   baseline in <see cref="ConsecutiveBursts"/> bursts in a row: catheter-integrity-suspected.
    /// - PARTIAL-KINK-BY-DAMPING: both bands judged, the cardiac energy below 1/<see cref="LossDivisor"/> of
    ///   its baseline while the respiratory energy stays above it, in <see cref="ConsecutiveBursts"/> bursts in a row: partial-occlusion.
    /// - PULSATILITY-FLOOR: a baseline whose cardiac or respiratory signal (band energy less the burst's own
    ///   noise, <see cref="PulseBandEnergy"/>) is under <see cref="FloorNoiseMultiple"/> times the noise in
    ///   that band is too small to judge: a lost pulse could not fall clearly under 1/<see cref="LossDivisor"/>
    ///   of it. The other band is judged alone; with neither, the monitor raises nothing and says so
    ///   (<see cref="Monitoring"/> false).
    /// </summary>
    public sealed class CatheterIntegrityMonitor
    {
        /// <summary>10 samples/s: the cardiac band reaches 2.34 Hz, under the 5 Hz Nyquist limit.</summary>
        public const long SamplePeriodMilliseconds = 100;

        /// <summary>Six bursts a day: a loss is confirmed within 12-16 h, well inside the 24 h goal.</summary>
        public const long BurstIntervalMilliseconds = 4 * Milliseconds.PerHour;

        /// <summary>A stroke's jump drains in well under a second through an open implanted catheter (R x C = 0.07 s).</summary>
        public const long SettleMilliseconds = 1000;

        /// <summary>One burst's samples: the quiet the strokes must leave after the line settles (CATHETER-BURST-IN-A-GAP).</summary>
        public const long BurstMilliseconds = PulseBandEnergy.Samples * SamplePeriodMilliseconds;

        /// <summary>How long a burst may wait for a gap between strokes, or keep restarting, before the check is skipped.</summary>
        public const long GiveUpMilliseconds = 10 * Milliseconds.PerMinute;

        /// <summary>Bursts averaged into the baseline: one day, so posture and activity over the day are in it.</summary>
        public const int BaselineBursts = 6;

        /// <summary>Bursts in a row that must show the loss: one burst may catch an odd moment, three (8 h apart at the ends) do not.</summary>
        public const int ConsecutiveBursts = 3;

        /// <summary>1/8 of the energy (-9 dB, 35 % of the amplitude): standing lowers the pulse to ~60 % (36 % of the energy), so an intact catheter keeps a margin of ~3 in energy.</summary>
        public const int LossDivisor = 8;

        /// <summary>PULSATILITY-FLOOR: the baseline signal of each band must be at least 4 x the band's noise energy, so that 1/8 of it (half the noise) stands clear of the noise estimate's burst-to-burst spread (about a third of it in the cardiac band).</summary>
        public const int FloorNoiseMultiple = 4;

        /// <summary>A burst with more than 4 x the baseline's noise per bin held a transient (cough, strain, posture change): not judged.</summary>
        public const int DisturbedNoiseMultiple = 4;

        private readonly PulseBandEnergy _bands = new PulseBandEnergy();
        private readonly LineResistanceTrend _resistance = new LineResistanceTrend(Milliseconds.Zero);
        private readonly long[] _respiratoryLearned = new long[BaselineBursts];
        private readonly long[] _cardiacLearned = new long[BaselineBursts];
        private readonly long[] _noiseLearned = new long[BaselineBursts];
        private Milliseconds _nextBurst;
        private Milliseconds _nextSample = Milliseconds.Never;
        private Milliseconds _burstBegan;
        private Milliseconds _quietFrom;
        private bool _inBurst;
        private bool _armed;
        private long _burstSamples;
        private int _baselineCount;
        private long _noiseBaseline;
        private long _respiratoryBaseline, _cardiacBaseline;
        private int _lostRun, _kinkRun;

        public CatheterIntegrityMonitor(Milliseconds now)
        {
            Relearn(now);
        }

        /// <summary>When the monitor needs the next pressure reading (the next sample, or the next burst).</summary>
        public Milliseconds NextWake { get { return Milliseconds.Min(!_inBurst ? _nextBurst : _armed ? _nextSample : Milliseconds.Never, _resistance.NextWake); } }

        /// <summary>The stroke-decay evidence of a kink (LINE-RESISTANCE-RISE); the supervisor feeds it every tick.</summary>
        public LineResistanceTrend Resistance { get { return _resistance; } }

        /// <summary>The baseline is learned and at least one band is above the PULSATILITY-FLOOR: the rules judge.</summary>
        public bool Monitoring { get { return RespiratoryJudged || CardiacJudged; } }

        /// <summary>The respiratory baseline is above the PULSATILITY-FLOOR: that band is judged.</summary>
        public bool RespiratoryJudged { get { return _baselineCount >= BaselineBursts && _respiratoryBaseline > FloorNoiseMultiple * _noiseBaseline * PulseBandEnergy.RespiratoryBins; } }

        /// <summary>The cardiac baseline is above the PULSATILITY-FLOOR: that band is judged.</summary>
        public bool CardiacJudged { get { return _baselineCount >= BaselineBursts && _cardiacBaseline > FloorNoiseMultiple * _noiseBaseline * PulseBandEnergy.CardiacBins; } }

        /// <summary>Bursts still to learn the baseline from.</summary>
        public int BaselineBurstsLeft { get { return _baselineCount >= BaselineBursts ? 0 : BaselineBursts - _baselineCount; } }

        /// <summary>CATHETER-PULSATILITY-LOST holds, and the line's resistance is not raised (LINE-RESISTANCE-RISE: then the kink damped the pulse).</summary>
        public bool Suspected { get { return _lostRun >= ConsecutiveBursts && !_resistance.Rising; } }

        /// <summary>PARTIAL-KINK-BY-DAMPING or LINE-RESISTANCE-RISE holds.</summary>
        public bool PartiallyOccluded { get { return _kinkRun >= ConsecutiveBursts || _resistance.Raised; } }

        /// <summary>Completed checks (bursts) since the last <see cref="Relearn"/>, and when the last one ended.</summary>
        public int Checks { get; private set; }
        public Milliseconds LastCheck { get; private set; }

        /// <summary>Bursts not judged since the last <see cref="Relearn"/> because a transient disturbed them.</summary>
        public int Disturbed { get; private set; }

        /// <summary>Bursts given up since the last <see cref="Relearn"/> (strokes too frequent for a clean burst).</summary>
        public int Skipped { get; private set; }

        /// <summary>The last check's band signals (energy less noise) and noise per bin, and the baseline's (scaled as <see cref="PulseBandEnergy"/> says).</summary>
        public long RespiratorySignal { get { return _bands.RespiratorySignal; } }
        public long CardiacSignal { get { return _bands.CardiacSignal; } }
        public long NoisePerBin { get { return _bands.NoisePerBin; } }
        public long NoiseBaseline { get { return _noiseBaseline; } }
        public long RespiratoryBaseline { get { return _respiratoryBaseline; } }
        public long CardiacBaseline { get { return _cardiacBaseline; } }

        /// <summary>The last check's respiratory energy in percent of the baseline (0 before the baseline).</summary>
        public int RespiratoryPercent { get { return Percent(_bands.RespiratorySignal, _respiratoryBaseline); } }

        /// <summary>The last check's cardiac energy in percent of the baseline (0 before the baseline).</summary>
        public int CardiacPercent { get { return Percent(_bands.CardiacSignal, _cardiacBaseline); } }

        /// <summary>What the last check (or the last skipped one) concluded, and when.</summary>
        public CatheterCheckVerdict LastVerdict { get; private set; }
        public Milliseconds LastVerdictAt { get; private set; }

        /// <summary>Bursts in a row that showed the loss (CATHETER-PULSATILITY-LOST) or the damping (PARTIAL-KINK-BY-DAMPING).</summary>
        public int LostRun { get { return _lostRun; } }
        public int KinkRun { get { return _kinkRun; } }

        /// <summary>When the next check's burst begins (the one under way: when it began).</summary>
        public Milliseconds NextCheckDue { get { return _inBurst ? _burstBegan : _nextBurst; } }

        /// <summary>The baseline is learned (it is journaled from then on: CATHETER-BASELINE-KEPT).</summary>
        public bool BaselineLearned { get { return _baselineCount >= BaselineBursts; } }

        /// <summary>
        /// Pressure readings the check woke the pump for since the device was made - burst samples (bursts broken
        /// by strokes included, and a burst's opening wake-up that found no gap) and LINE-RESISTANCE-RISE's
        /// decay readings: each costs charge (CATHETER-BURST-IN-ERI).
        /// </summary>
        public long SamplesTaken { get { return _burstSamples + _resistance.ReadingsTaken; } }

        /// <summary>
        /// CATHETER-BASELINE-KEPT: after a reset, the journaled baseline and sample count. A reset does not
        /// restart learning: that would leave the check blind for a day, and a catheter that failed
        /// before the reset would be learned as the patient's normal. Only <see cref="Relearn"/> (a
        /// catheter revision) forgets the baseline.
        /// </summary>
        public void Restore(bool learned, long respiratoryBaseline, long cardiacBaseline, long noiseBaseline, long samplesTaken)
        {
            _burstSamples = samplesTaken - _resistance.ReadingsTaken;
            if (!learned) return;
            _respiratoryBaseline = respiratoryBaseline;
            _cardiacBaseline = cardiacBaseline;
            _noiseBaseline = noiseBaseline;
            _baselineCount = BaselineBursts;
        }

        /// <summary>After implant or a catheter revision: forget the baseline and learn it again from the next bursts.</summary>
        public void Relearn(Milliseconds now)
        {
            _baselineCount = 0;
            _noiseBaseline = 0;
            _respiratoryBaseline = 0;
            _cardiacBaseline = 0;
            _lostRun = 0;
            _kinkRun = 0;
            Checks = 0;
            Skipped = 0;
            Disturbed = 0;
            LastCheck = Milliseconds.Never;
            LastVerdict = CatheterCheckVerdict.None;
            LastVerdictAt = Milliseconds.Never;
            _inBurst = false;
            _armed = false;
            _nextBurst = now;
            _resistance.Relearn(now);
        }

        /// <summary>
        /// One tick: the pressure read before the tick's strokes (and whether it was usable), and the
        /// number of strokes the tick made, with no stroke known to be planned. Takes the sample when one is due.
        /// </summary>
        public void Observe(Milliseconds now, bool readingOk, int pascals, int strokes)
        {
            Observe(now, readingOk, pascals, strokes, Milliseconds.Never);
        }

        /// <summary>The same, with when the pump's next stroke is due after this tick's (Never when none is planned).</summary>
        public void Observe(Milliseconds now, bool readingOk, int pascals, int strokes, Milliseconds nextStrokeDue)
        {
            if (strokes > 0) _quietFrom = new Milliseconds(now.Value + SettleMilliseconds);
            if (!_inBurst)
            {
                if (now < _nextBurst) return;
                _inBurst = true;
                _armed = false;
                _burstBegan = now;
                Arm(now, nextStrokeDue);
                if (!_inBurst) return;
                // The wake-up that opened the check read the pressure even where it found no gap: charged.
                if (!_armed) { _burstSamples++; return; }
            }
            else if (!_armed)
            {
                Arm(now, nextStrokeDue);
                if (!_armed) return;
            }
            else if (strokes > 0 && now < _nextSample)
            {
                _armed = false;
                Arm(now, nextStrokeDue);
                return;
            }
            if (now < _nextSample) return;
            if (!readingOk) { Skip(); return; }
            if (now.Value >= _nextSample.Value + SamplePeriodMilliseconds)
            {
                // A sample missed: the burst starts again.
                _armed = false;
                if (_quietFrom.Value < now.Value + SamplePeriodMilliseconds) _quietFrom = new Milliseconds(now.Value + SamplePeriodMilliseconds);
                Arm(now, nextStrokeDue);
                return;
            }
            _bands.Add(pascals);
            _burstSamples++;
            _nextSample = new Milliseconds(_nextSample.Value + SamplePeriodMilliseconds);
            if (_bands.Complete) { Judge(now); return; }
            if (strokes > 0)
            {
                // A stroke the plan did not show (a bolus, a new therapy) restarts the burst once the line settles.
                _armed = false;
                Arm(now, nextStrokeDue);
            }
        }

        /// <summary>
        /// CATHETER-BURST-IN-A-GAP: a burst starts only where the pump's next planned stroke leaves it
        /// <see cref="BurstMilliseconds"/> after the line settles, so a burst is never begun to be broken by a
        /// stroke the plan showed (above ~33 uL/h with 250 nL strokes none is begun: no samples are spent on
        /// it). No gap yet: the check waits for the pump's own wake-ups; after <see cref="GiveUpMilliseconds"/> it is skipped.
        /// </summary>
        private void Arm(Milliseconds now, Milliseconds nextStrokeDue)
        {
            if (now.Value - _burstBegan.Value >= GiveUpMilliseconds) { Skip(); return; }
            long first = _quietFrom.Value > now.Value ? _quietFrom.Value : now.Value;
            if (nextStrokeDue.Value - first < BurstMilliseconds) return;
            _bands.Start();
            _nextSample = new Milliseconds(first);
            _armed = true;
        }

        // No clean burst this interval (a sensor fault, or strokes too close together): try at the next one.
        private void Skip()
        {
            Skipped++;
            LastVerdict = CatheterCheckVerdict.Skipped;
            LastVerdictAt = _burstBegan;
            _inBurst = false;
            _armed = false;
            _nextBurst = new Milliseconds(_burstBegan.Value + BurstIntervalMilliseconds);
        }

        private void Judge(Milliseconds now)
        {
            _inBurst = false;
            _armed = false;
            _nextBurst = new Milliseconds(_burstBegan.Value + BurstIntervalMilliseconds);
            Checks++;
            LastCheck = now;
            LastVerdictAt = now;
            LastVerdict = CatheterCheckVerdict.Learning;
            long respiratory = _bands.RespiratorySignal, cardiac = _bands.CardiacSignal;
            if (_baselineCount < BaselineBursts)
            {
                _respiratoryLearned[_baselineCount] = respiratory;
                _cardiacLearned[_baselineCount] = cardiac;
                _noiseLearned[_baselineCount] = _bands.NoisePerBin;
                _baselineCount++;
                if (_baselineCount == BaselineBursts)
                {
                    _respiratoryBaseline = MiddleMean.OfMiddleTwo(_respiratoryLearned);
                    _cardiacBaseline = MiddleMean.OfMiddleTwo(_cardiacLearned);
                    _noiseBaseline = MiddleMean.OfMiddleTwo(_noiseLearned);
                }
                return;
            }
            if (_bands.NoisePerBin > DisturbedNoiseMultiple * _noiseBaseline) { Disturbed++; LastVerdict = CatheterCheckVerdict.Disturbed; return; }
            if (!Monitoring) { LastVerdict = CatheterCheckVerdict.TooWeak; return; }
            bool cardiacLost = cardiac * LossDivisor < _cardiacBaseline;
            bool respiratoryLost = respiratory * LossDivisor < _respiratoryBaseline;
            // CATHETER-PULSATILITY-LOST: every judged band lost. PARTIAL-KINK-BY-DAMPING: both bands judged,
            // the cardiac lost, the respiratory kept. Each a run of bursts, reset by one burst without it.
            bool lost = (cardiacLost || !CardiacJudged) && (respiratoryLost || !RespiratoryJudged);
            bool kink = CardiacJudged && RespiratoryJudged && cardiacLost && !respiratoryLost;
            _lostRun = lost ? _lostRun + 1 : 0;
            _kinkRun = kink ? _kinkRun + 1 : 0;
            LastVerdict = lost ? CatheterCheckVerdict.PulsatilityLost : kink ? CatheterCheckVerdict.RisingResistance : CatheterCheckVerdict.Intact;
        }

        private static int Percent(long energy, long baseline)
        {
            if (baseline <= 0) return 0;
            long percent = energy * 100 / baseline;
            return percent > 9999 ? 9999 : (int)percent;
        }
    }
}
