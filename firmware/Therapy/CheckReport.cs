namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// Everything the ordered check chain said about one request. The chain does not stop at the
    /// first refusal: a refused request carries ALL its reasons, so the clinician fixes every field at
    /// once. Storage is a fixed array; if it overflows the refusal itself is never lost
    /// (<see cref="Refused"/> is a flag, not a scan) and <see cref="Dropped"/> counts what was cut.
    /// </summary>
    public sealed class CheckReport
    {
        public const int Capacity = 16;

        private readonly CheckReason[] _reasons = new CheckReason[Capacity];
        private int _count;
        private int _dropped;
        private bool _refused;
        private bool _needsConfirmation;

        public int Count { get { return _count; } }
        public int Dropped { get { return _dropped; } }
        public CheckReason this[int index] { get { return _reasons[index]; } }

        /// <summary>A hard limit or invalid input: nothing was changed.</summary>
        public bool Refused { get { return _refused; } }

        /// <summary>Not refused, but a soft limit was hit and not confirmed: nothing was changed.</summary>
        public bool NeedsConfirmation { get { return !_refused && _needsConfirmation; } }

        /// <summary>The request ran (possibly clamped, possibly with confirmed soft limits).</summary>
        public bool Accepted { get { return !_refused && !_needsConfirmation; } }

        public void Clear()
        {
            _count = 0;
            _dropped = 0;
            _refused = false;
            _needsConfirmation = false;
        }

        public void Add(TherapyError code, CheckOutcome outcome, string message)
        {
            if (outcome == CheckOutcome.Refused) _refused = true;
            if (outcome == CheckOutcome.NeedsConfirmation) _needsConfirmation = true;
            if (_count == Capacity) { _dropped++; return; }
            _reasons[_count++] = new CheckReason(code, outcome, message);
        }

        /// <summary>A finding against a numeric limit: the value and the limit travel with it to the log (REFUSAL-LOGGED-WITH-LIMIT).</summary>
        public void Add(TherapyError code, CheckOutcome outcome, string message, long value, long limit)
        {
            if (outcome == CheckOutcome.Refused) _refused = true;
            if (outcome == CheckOutcome.NeedsConfirmation) _needsConfirmation = true;
            if (_count == Capacity) { _dropped++; return; }
            _reasons[_count++] = new CheckReason(code, outcome, message, value, limit);
        }

        /// <summary>A soft-limit finding: confirmed if the clinician confirmed, else it blocks the request.</summary>
        public void AddSoft(TherapyError code, bool confirmed, string message)
        {
            Add(code, confirmed ? CheckOutcome.Confirmed : CheckOutcome.NeedsConfirmation, message);
        }

        public bool Has(TherapyError code)
        {
            for (int i = 0; i < _count; i++) if (_reasons[i].Code == code) return true;
            return false;
        }

        /// <summary>The first reason with a code, or the empty string.</summary>
        public string MessageOf(TherapyError code)
        {
            for (int i = 0; i < _count; i++) if (_reasons[i].Code == code) return _reasons[i].Message;
            return "";
        }

        /// <summary>The first reason that refused, or the empty string.</summary>
        public TherapyError FirstRefusal
        {
            get
            {
                for (int i = 0; i < _count; i++) if (_reasons[i].Outcome == CheckOutcome.Refused) return _reasons[i].Code;
                return TherapyError.None;
            }
        }

        public override string ToString()
        {
            if (_count == 0) return "accepted";
            System.Text.StringBuilder text = new System.Text.StringBuilder();
            for (int i = 0; i < _count; i++)
            {
                if (i > 0) text.Append("; ");
                text.Append(_reasons[i].Message);
            }
            if (_dropped > 0) text.Append("; and " + _dropped.ToString() + " more");
            return text.ToString();
        }
    }
}
