using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// One drug-library entry: a hard limit (the request is refused) and a soft limit (the request
    /// needs the clinician's explicit confirmation) for each quantity a wrong entry could push too
    /// high. Limits are data - a hospital's library replaces the defaults in <see cref="DrugLibrary"/>.
    /// A soft limit above its hard limit would never trigger; the constructor refuses it.
    /// </summary>
    public sealed class DrugLimits
    {
        public readonly string DrugName;
        public readonly MicrogramsPerMilliliter ConcentrationSoft;
        public readonly MicrogramsPerMilliliter ConcentrationHard;
        public readonly Nanograms DailyDoseSoft;
        public readonly Nanograms DailyDoseHard;
        public readonly Micrograms BolusDoseSoft;
        public readonly Micrograms BolusDoseHard;
        public readonly int BolusesPer24HoursSoft;
        public readonly int BolusesPer24HoursHard;
        /// <summary>Highest volume rate of any delivery, basal plus bolus.</summary>
        public readonly NanolitersPerHour RateSoft;
        public readonly NanolitersPerHour RateHard;

        /// <summary>STOPPED-THERAPY-ALERT: therapy stopped this long raises therapy-stopped (twice as long: therapy-stopped-long).</summary>
        public readonly Milliseconds StoppedAlertAfter;

        /// <summary>The stopped-therapy time of a drug with no figure of its own, and of a pump with no drug programmed: the shortest in the default library (baclofen's).</summary>
        public static readonly Milliseconds DefaultStoppedAlertAfter = Milliseconds.FromHours(4);

        public DrugLimits(string drugName,
            MicrogramsPerMilliliter concentrationSoft, MicrogramsPerMilliliter concentrationHard,
            Nanograms dailyDoseSoft, Nanograms dailyDoseHard,
            Micrograms bolusDoseSoft, Micrograms bolusDoseHard,
            int bolusesPer24HoursSoft, int bolusesPer24HoursHard,
            NanolitersPerHour rateSoft, NanolitersPerHour rateHard)
            : this(drugName, concentrationSoft, concentrationHard, dailyDoseSoft, dailyDoseHard, bolusDoseSoft, bolusDoseHard,
                bolusesPer24HoursSoft, bolusesPer24HoursHard, rateSoft, rateHard, DefaultStoppedAlertAfter)
        {
        }

        /// <summary>DRUG-STABILITY-LIMIT: the longest a fill of this drug may stay in the reservoir (its stability at body temperature); the refill is due by then whatever is left.</summary>
        public readonly Milliseconds MaxReservoirTime;

        /// <summary>The reservoir time of a drug with no figure of its own: the shortest in the default library (ziconotide's).</summary>
        public static readonly Milliseconds DefaultMaxReservoirTime = Milliseconds.FromDays(40);

        public DrugLimits(string drugName,
            MicrogramsPerMilliliter concentrationSoft, MicrogramsPerMilliliter concentrationHard,
            Nanograms dailyDoseSoft, Nanograms dailyDoseHard,
            Micrograms bolusDoseSoft, Micrograms bolusDoseHard,
            int bolusesPer24HoursSoft, int bolusesPer24HoursHard,
            NanolitersPerHour rateSoft, NanolitersPerHour rateHard,
            Milliseconds stoppedAlertAfter)
            : this(drugName, concentrationSoft, concentrationHard, dailyDoseSoft, dailyDoseHard, bolusDoseSoft, bolusDoseHard,
                bolusesPer24HoursSoft, bolusesPer24HoursHard, rateSoft, rateHard, stoppedAlertAfter, DefaultMaxReservoirTime)
        {
        }

        public DrugLimits(string drugName,
            MicrogramsPerMilliliter concentrationSoft, MicrogramsPerMilliliter concentrationHard,
            Nanograms dailyDoseSoft, Nanograms dailyDoseHard,
            Micrograms bolusDoseSoft, Micrograms bolusDoseHard,
            int bolusesPer24HoursSoft, int bolusesPer24HoursHard,
            NanolitersPerHour rateSoft, NanolitersPerHour rateHard,
            Milliseconds stoppedAlertAfter, Milliseconds maxReservoirTime)
        {
            if (maxReservoirTime < Milliseconds.FromDays(1) || maxReservoirTime > Milliseconds.FromDays(365))
            {
                throw new System.ArgumentOutOfRangeException("maxReservoirTime", drugName + " reservoir time " + maxReservoirTime.ToString() + " is outside the limit 1 d..365 d");
            }
            MaxReservoirTime = maxReservoirTime;
            if (stoppedAlertAfter.Value < Milliseconds.PerMinute || stoppedAlertAfter > Milliseconds.FromDays(7))
            {
                throw new System.ArgumentOutOfRangeException("stoppedAlertAfter", drugName + " stopped-therapy alert after " + stoppedAlertAfter.ToString() + " is outside the limit 1 min..7 d");
            }
            StoppedAlertAfter = stoppedAlertAfter;
            if (drugName == null || drugName.Length == 0) throw new System.ArgumentException("drug name '' is empty; the limit is a name of at least 1 character", "drugName");
            CheckPair(drugName, "concentration", concentrationSoft.Value, concentrationHard.Value);
            CheckPair(drugName, "daily dose", dailyDoseSoft.Value, dailyDoseHard.Value);
            CheckPair(drugName, "bolus dose", bolusDoseSoft.Value, bolusDoseHard.Value);
            CheckPair(drugName, "boluses per 24 h", bolusesPer24HoursSoft, bolusesPer24HoursHard);
            CheckPair(drugName, "rate", rateSoft.Value, rateHard.Value);
            DrugName = drugName;
            ConcentrationSoft = concentrationSoft;
            ConcentrationHard = concentrationHard;
            DailyDoseSoft = dailyDoseSoft;
            DailyDoseHard = dailyDoseHard;
            BolusDoseSoft = bolusDoseSoft;
            BolusDoseHard = bolusDoseHard;
            BolusesPer24HoursSoft = bolusesPer24HoursSoft;
            BolusesPer24HoursHard = bolusesPer24HoursHard;
            RateSoft = rateSoft;
            RateHard = rateHard;
        }

        private static void CheckPair(string drug, string what, long soft, long hard)
        {
            if (soft < 0 || hard < 0 || soft > hard)
            {
                throw new System.ArgumentOutOfRangeException(what,
                    drug + " " + what + ": soft limit " + soft.ToString() + " must be between 0 and the hard limit " + hard.ToString());
            }
        }
    }
}
