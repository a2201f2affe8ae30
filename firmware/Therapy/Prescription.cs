using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// What the clinician prescribes: the drug, the delivery mode with its rates or single bolus, and
    /// the patient bolus the handheld may request. Basal rates are volume rates (what the mechanism
    /// moves); every dose shown or checked is derived from them and the concentration, so there is
    /// one source of truth. Immutable: the arrays are copied in, so a caller cannot change a
    /// prescription after it passed validation.
    /// A prescription is only a request: <see cref="PrescriptionChecks"/> decides if it may run.
    /// </summary>
    public sealed class Prescription
    {
        /// <summary>
        /// Flex steps a prescription may have (JOURNAL-OR-REFUSE): the journal record holds twelve, and a
        /// step table the record could not hold would run until the next reset and then be lost.
        /// </summary>
        public const int MaxFlexSteps = 12;

        private readonly Drug _drug;
        private readonly DeliveryMode _mode;
        private readonly NanolitersPerHour _rate;
        private readonly NanolitersPerDay _perDay;
        private readonly Milliseconds[] _flexStarts;
        private readonly NanolitersPerHour[] _flexRates;
        private readonly Micrograms _singleBolusDose;
        private readonly Milliseconds _singleBolusDuration;
        private readonly PatientBolusSettings? _patientBolus;

        private Prescription(Drug drug, DeliveryMode mode, NanolitersPerHour rate, Milliseconds[] flexStarts, NanolitersPerHour[] flexRates,
            Micrograms singleBolusDose, Milliseconds singleBolusDuration, PatientBolusSettings? patientBolus)
        {
            _drug = drug;
            _mode = mode;
            _rate = rate;
            _perDay = NanolitersPerDay.Zero;
            _flexStarts = new Milliseconds[flexStarts.Length];
            for (int i = 0; i < flexStarts.Length; i++) _flexStarts[i] = flexStarts[i];
            _flexRates = new NanolitersPerHour[flexRates.Length];
            for (int i = 0; i < flexRates.Length; i++) _flexRates[i] = flexRates[i];
            _singleBolusDose = singleBolusDose;
            _singleBolusDuration = singleBolusDuration;
            _patientBolus = patientBolus;
        }

        public static Prescription Stopped(Drug drug)
        {
            return new Prescription(drug, DeliveryMode.Stopped, NanolitersPerHour.Zero, new Milliseconds[0], new NanolitersPerHour[0], Micrograms.Zero, Milliseconds.Zero, null);
        }

        public static Prescription Continuous(Drug drug, NanolitersPerHour rate, PatientBolusSettings? patientBolus)
        {
            return new Prescription(drug, DeliveryMode.SimpleContinuous, rate, new Milliseconds[0], new NanolitersPerHour[0], Micrograms.Zero, Milliseconds.Zero, patientBolus);
        }

        /// <summary>
        /// A continuous basal prescribed as a volume per day (a dose per day at the drug's concentration),
        /// run exactly (DAILY-DOSE-EXACT): its rate is the day's volume spread over 24 h, not a rounded nL/h.
        /// </summary>
        public static Prescription ContinuousPerDay(Drug drug, NanolitersPerDay perDay, PatientBolusSettings? patientBolus)
        {
            return new Prescription(drug, perDay, patientBolus);
        }

        private Prescription(Drug drug, NanolitersPerDay perDay, PatientBolusSettings? patientBolus)
            : this(drug, DeliveryMode.SimpleContinuous, perDay.HourlyFloor, new Milliseconds[0], new NanolitersPerHour[0], Micrograms.Zero, Milliseconds.Zero, patientBolus)
        {
            _perDay = perDay;
        }

        /// <param name="startsOfDay">Step starts, milliseconds after midnight, strictly increasing.</param>
        public static Prescription Flex(Drug drug, Milliseconds[] startsOfDay, NanolitersPerHour[] rates, PatientBolusSettings? patientBolus)
        {
            return new Prescription(drug, DeliveryMode.Flex, NanolitersPerHour.Zero, startsOfDay, rates, Micrograms.Zero, Milliseconds.Zero, patientBolus);
        }

        public static Prescription SingleBolus(Drug drug, Micrograms dose, Milliseconds duration)
        {
            return new Prescription(drug, DeliveryMode.SingleBolus, NanolitersPerHour.Zero, new Milliseconds[0], new NanolitersPerHour[0], dose, duration, null);
        }

        /// <summary>
        /// A prescription whose mode is none of the four: what a corrupted record or a newer programmer
        /// could decode to. No public path builds one; it exists so that the check chain's defence
        /// against it (ModeUnknown) is tested rather than assumed.
        /// </summary>
        internal static Prescription OfUndefinedMode(Drug drug, int mode, NanolitersPerHour rate)
        {
            return new Prescription(drug, (DeliveryMode)mode, rate, new Milliseconds[0], new NanolitersPerHour[0], Micrograms.Zero, Milliseconds.Zero, null);
        }

        public Drug Drug { get { return _drug; } }
        public DeliveryMode Mode { get { return _mode; } }
        /// <summary>The continuous rate; for a basal prescribed per day, its mean rounded down.</summary>
        public NanolitersPerHour Rate { get { return _rate; } }

        /// <summary>True for a continuous basal prescribed as a volume per day (<see cref="PerDay"/>).</summary>
        public bool IsPerDay { get { return _perDay.Value != 0; } }

        /// <summary>The continuous basal's volume per day as prescribed; zero unless <see cref="IsPerDay"/>.</summary>
        public NanolitersPerDay PerDay { get { return _perDay; } }
        public int FlexStepCount { get { return _flexStarts.Length; } }
        public int FlexRateCount { get { return _flexRates.Length; } }
        public Milliseconds FlexStart(int step) { return _flexStarts[step]; }
        public NanolitersPerHour FlexRate(int step) { return _flexRates[step]; }
        public Micrograms SingleBolusDose { get { return _singleBolusDose; } }
        public Milliseconds SingleBolusDuration { get { return _singleBolusDuration; } }
        public PatientBolusSettings? PatientBolus { get { return _patientBolus; } }

        /// <summary>True if the mode delivers a basal that goes on (continuous or flex).</summary>
        public bool HasBasal { get { return _mode == DeliveryMode.SimpleContinuous || _mode == DeliveryMode.Flex; } }

        /// <summary>
        /// The volume one day delivers, rounded up (a limit check never under-states). For a single
        /// bolus it is the bolus volume. Computed without trusting the input: a malformed flex table
        /// gives a number here and an error from the checks.
        /// </summary>
        public Nanoliters DailyVolume
        {
            get
            {
                switch (_mode)
                {
                    case DeliveryMode.SimpleContinuous:
                        return new Nanoliters(IsPerDay ? _perDay.Value : _rate.Value * 24);
                    case DeliveryMode.Flex:
                        {
                            int n = _flexStarts.Length < _flexRates.Length ? _flexStarts.Length : _flexRates.Length;
                            if (n == 0) return Nanoliters.Zero;
                            long accumulated = 0;
                            for (int i = 0; i < n; i++)
                            {
                                long end = i + 1 < n ? _flexStarts[i + 1].Value : _flexStarts[0].Value + Milliseconds.PerDay;
                                long length = end - _flexStarts[i].Value;
                                if (length < 0) length = 0;
                                if (length > Milliseconds.PerDay) length = Milliseconds.PerDay;
                                accumulated += _flexRates[i].Value * length;
                            }
                            return new Nanoliters((accumulated + Milliseconds.PerHour - 1) / Milliseconds.PerHour);
                        }
                    case DeliveryMode.SingleBolus:
                        return _drug.Concentration.VolumeOf(_singleBolusDose);
                    default:
                        return Nanoliters.Zero;
                }
            }
        }

        /// <summary>The drug mass one day delivers - the "daily dose" the programmer shows (rounded up).</summary>
        public Nanograms DailyDose { get { return Nanograms.InVolumeRoundedUp(DailyVolume, _drug.Concentration); } }

        /// <summary>The highest basal volume rate of the mode (a single bolus counts as its bolus rate).</summary>
        public NanolitersPerHour PeakRate
        {
            get
            {
                switch (_mode)
                {
                    case DeliveryMode.SimpleContinuous:
                        return IsPerDay ? _perDay.HourlyCeiling : _rate;
                    case DeliveryMode.Flex:
                        {
                            long peak = 0;
                            for (int i = 0; i < _flexRates.Length; i++) if (_flexRates[i].Value > peak) peak = _flexRates[i].Value;
                            return new NanolitersPerHour(peak);
                        }
                    case DeliveryMode.SingleBolus:
                        return BolusRate.Of(_drug.Concentration.VolumeOf(_singleBolusDose), _singleBolusDuration);
                    default:
                        return NanolitersPerHour.Zero;
                }
            }
        }

        /// <summary>
        /// The same prescription for the same drug at another concentration, keeping the dose: rates
        /// scale by old/new and round DOWN, so a concentration change never raises the dose.
        /// </summary>
        public Prescription AtConcentration(MicrogramsPerMilliliter concentration)
        {
            Drug drug = new Drug(_drug.Name, concentration);
            long oldC = _drug.Concentration.Value;
            long newC = concentration.Value;
            if (newC <= 0 || oldC <= 0) return new Prescription(drug, DeliveryMode.Stopped, NanolitersPerHour.Zero, new Milliseconds[0], new NanolitersPerHour[0], Micrograms.Zero, Milliseconds.Zero, null);
            NanolitersPerHour[] rates = new NanolitersPerHour[_flexRates.Length];
            for (int i = 0; i < rates.Length; i++) rates[i] = new NanolitersPerHour(_flexRates[i].Value * oldC / newC);
            if (IsPerDay) return new Prescription(drug, new NanolitersPerDay(_perDay.Value * oldC / newC), _patientBolus);
            return new Prescription(drug, _mode, new NanolitersPerHour(_rate.Value * oldC / newC), _flexStarts, rates, _singleBolusDose, _singleBolusDuration, _patientBolus);
        }

        /// <summary>The basal rate profile of a validated prescription. A single bolus starts at <paramref name="start"/>.</summary>
        public IRateProfile BuildBasal(Milliseconds timeOfDayAtZero, Milliseconds start)
        {
            switch (_mode)
            {
                case DeliveryMode.SimpleContinuous:
                    if (IsPerDay) return new DailyVolumeRate(_perDay);
                    return new ConstantRate(_rate);
                case DeliveryMode.Flex:
                    return new FlexSchedule(_flexStarts, _flexRates, timeOfDayAtZero);
                case DeliveryMode.SingleBolus:
                    return new RateWindow(start, _singleBolusDuration, PeakRate);
                default:
                    return new ConstantRate(NanolitersPerHour.Zero);
            }
        }
    }
}
