using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// STOPPED-THERAPY-ALERT: a filled pump that delivers nothing - programmed stopped, programmed and
    /// not started, left stopped by a reset or an alarm - raises therapy-stopped after the drug's
    /// stopped-therapy time, and therapy-stopped-long (high) after twice that: for baclofen a stop is a
    /// withdrawal crisis. The only quiet is a clinician's deliberate hold ("stopped for N hours"), which
    /// ends when delivery starts again; when a hold runs out with therapy still stopped, the alert
    /// sounds at once.
    /// </summary>
    public sealed class StoppedTherapyWatch
    {
        /// <summary>Longest deliberate hold a clinician may set.</summary>
        public static readonly Milliseconds MaxHold = Milliseconds.FromDays(14);

        private Milliseconds _stoppedSince = Milliseconds.Never;
        private Milliseconds _holdUntil = Milliseconds.Never;
        private Milliseconds _alertAfter = Milliseconds.Never;

        /// <summary>True once therapy-stopped is due.</summary>
        public bool Alert { get; private set; }

        /// <summary>True once therapy-stopped-long is due (it replaces <see cref="Alert"/>).</summary>
        public bool Escalated { get; private set; }

        /// <summary>A clinician's hold is running.</summary>
        public bool Held { get { return !_holdUntil.IsNever; } }

        public Milliseconds HoldUntil { get { return _holdUntil; } }

        /// <summary>A clinician holds the pump stopped until <paramref name="until"/>.</summary>
        public void Hold(Milliseconds until) { _holdUntil = until; }

        /// <param name="delivering">The motor runs a prescription now.</param>
        /// <param name="armed">The pump holds drug (it was filled): a pump on the shelf raises nothing.</param>
        /// <param name="alertAfter">The programmed drug's stopped-therapy time.</param>
        public void Update(bool delivering, bool armed, Milliseconds alertAfter, Milliseconds now)
        {
            _alertAfter = alertAfter;
            if (delivering || !armed)
            {
                _stoppedSince = Milliseconds.Never;
                if (delivering) _holdUntil = Milliseconds.Never;
                Alert = false;
                Escalated = false;
                return;
            }
            if (_stoppedSince.IsNever) _stoppedSince = now;
            if (!_holdUntil.IsNever)
            {
                if (now < _holdUntil)
                {
                    Alert = false;
                    Escalated = false;
                    return;
                }
                // The hold ran out: the alert is due now, and escalates one stopped-therapy time later.
                Milliseconds start = _holdUntil - alertAfter;
                if (start > _stoppedSince) _stoppedSince = start;
                _holdUntil = Milliseconds.Never;
            }
            long stopped = now.Value - _stoppedSince.Value;
            Escalated = stopped >= 2 * alertAfter.Value;
            Alert = stopped >= alertAfter.Value && !Escalated;
        }

        /// <summary>When the next change is due (the board must wake then even with the motor off).</summary>
        public Milliseconds NextWake
        {
            get
            {
                if (!_holdUntil.IsNever) return _holdUntil;
                if (_stoppedSince.IsNever || _alertAfter.IsNever || Escalated) return Milliseconds.Never;
                return new Milliseconds(_stoppedSince.Value + (Alert ? 2 : 1) * _alertAfter.Value);
            }
        }
    }
}
