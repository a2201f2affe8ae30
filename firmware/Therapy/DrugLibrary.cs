using System;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// The drugs this pump may deliver and their limits. A drug that is not in the library cannot be
    /// programmed at all (a misspelt or unknown drug has no limits, so it has no safe dose).
    /// Storage is preallocated; lookups compare names exactly.
    ///
    /// <see cref="CreateDefault"/> ships CONFIGURABLE DEFAULTS, NOT CLINICAL ADVICE: morphine's hard
    /// limits (20 mg/mL, 15 mg/day) are the commonly cited intrathecal consensus maxima
    /// (docs/therapy.md, domain brief); every other figure is a conservative engineering default the
    /// clinic must review and replace with its own library.
    /// </summary>
    public sealed class DrugLibrary
    {
        public const int Capacity = 16;

        public const string Morphine = "morphine";
        public const string Baclofen = "baclofen";
        public const string Ziconotide = "ziconotide";

        private readonly DrugLimits?[] _entries = new DrugLimits?[Capacity];
        private int _count;

        public int Count { get { return _count; } }

        public DrugLimits Entry(int index) { return _entries[index]!; }

        /// <summary>Adds an entry, or replaces the entry of the same drug.</summary>
        public void Set(DrugLimits limits)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_entries[i]!.DrugName == limits.DrugName) { _entries[i] = limits; return; }
            }
            if (_count == Capacity)
            {
                throw new InvalidOperationException("drug library: all " + Capacity.ToString() + " entries are in use; cannot add " + limits.DrugName);
            }
            _entries[_count++] = limits;
        }

        /// <summary>The entry for a drug name, or null if the drug is not in the library.</summary>
        public DrugLimits? Find(string name)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_entries[i]!.DrugName == name) return _entries[i];
            }
            return null;
        }

        /// <summary>
        /// DRUG-NAME-EXACT: a drug is found only by its exact library name (a name that matches loosely
        /// could match the wrong drug), but a refusal says how the library spells a name that differs
        /// only in letter case, or else lists the names it has.
        /// </summary>
        public string Suggestion(string name)
        {
            string names = "";
            for (int i = 0; i < _count; i++)
            {
                string known = _entries[i]!.DrugName;
                if (SameIgnoringCase(known, name)) return "the library spells it '" + known + "'";
                names += (i == 0 ? "" : ", ") + known;
            }
            return "the library has " + names;
        }

        private static bool SameIgnoringCase(string a, string b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                char x = a[i], y = b[i];
                if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
                if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
                if (x != y) return false;
            }
            return true;
        }

        /// <summary>The default library (see the class remarks and the table in docs/therapy.md).</summary>
        public static DrugLibrary CreateDefault()
        {
            DrugLibrary library = new DrugLibrary();
            // Morphine: hard 20 mg/mL and 15 mg/day (consensus maxima); soft 10 mg/mL, 10 mg/day.
            library.Set(new DrugLimits(Morphine,
                new MicrogramsPerMilliliter(10000), new MicrogramsPerMilliliter(20000),
                Nanograms.FromMilligrams(10), Nanograms.FromMilligrams(15),
                new Micrograms(200), new Micrograms(1000),
                6, 12,
                NanolitersPerHour.FromMicrolitersPerHour(250), NanolitersPerHour.FromMicrolitersPerHour(1000),
                // Opioid withdrawal begins 6-12 h after the last dose of a short-acting opioid.
                Milliseconds.FromHours(6),
                // DRUG-STABILITY-LIMIT: morphine in a SynchroMed at 37 C stayed above 96 % for the 90 days
                // studied (Classen et al., J Pain Symptom Manage 2004;28:603-611): 90 days, no longer.
                Milliseconds.FromDays(90)));
            // Baclofen: hard 2 mg/mL (highest commercial concentration) and 1.5 mg/day; soft 1 mg/mL, 0.8 mg/day.
            library.Set(new DrugLimits(Baclofen,
                new MicrogramsPerMilliliter(1000), new MicrogramsPerMilliliter(2000),
                Nanograms.FromMicrograms(800), Nanograms.FromMicrograms(1500),
                new Micrograms(100), new Micrograms(200),
                4, 8,
                NanolitersPerHour.FromMicrolitersPerHour(250), NanolitersPerHour.FromMicrolitersPerHour(1000),
                // Intrathecal baclofen withdrawal (boxed warning: fever, rebound spasticity, rhabdomyolysis, death) can start within hours.
                Milliseconds.FromHours(4),
                // Baclofen: refill within 180 days, the maximum the pump labelling allows (as cited by
                // Neuromodulation 2024, PMID 38043050, which studies longer intervals).
                Milliseconds.FromDays(180)));
            // Ziconotide: hard 100 ug/mL (undiluted) and 19.2 ug/day (labelled maximum); soft 25 ug/mL, 12 ug/day.
            library.Set(new DrugLimits(Ziconotide,
                new MicrogramsPerMilliliter(25), new MicrogramsPerMilliliter(100),
                new Nanograms(12000), new Nanograms(19200),
                new Micrograms(2), new Micrograms(5),
                1, 2,
                NanolitersPerHour.FromMicrolitersPerHour(250), NanolitersPerHour.FromMicrolitersPerHour(1000),
                // Ziconotide can be stopped abruptly without withdrawal effects (Prialt label): the pain returns, no crisis.
                Milliseconds.FromHours(24),
                // Prialt label, section 2: refill at least every 40 days diluted, 84 days undiluted (14 days
                // after a naive pump's first fill). The pump cannot tell a dilution: 40 days.
                Milliseconds.FromDays(40)));
            return library;
        }
    }
}
