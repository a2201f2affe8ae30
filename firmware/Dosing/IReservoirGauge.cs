using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Dosing
{
    /// <summary>
    /// RESERVOIR-ONE-MODEL: the computed reservoir has one definition - the last fill less the volume
    /// of the forward motor steps since it, never below zero - and one owner, the safety supervisor,
    /// which also owns the low-reservoir alarm's threshold. The therapy (a refill's expected residual,
    /// the bolus check, the refill date) and status read it here; nothing keeps a second count.
    /// </summary>
    public interface IReservoirGauge
    {
        /// <summary>The computed reservoir now.</summary>
        Nanoliters Computed { get; }

        /// <summary>The volume at which reservoir-low is raised.</summary>
        Nanoliters LowThreshold { get; }

        /// <summary>A refill of <paramref name="volume"/> (0 mL included: FILLED-IS-A-STATE) with the clinician's low-alarm threshold.</summary>
        void Filled(Nanoliters volume, Nanoliters lowThreshold);

        /// <summary>A new reservoir that has not been filled yet (the move from the trial pump to the implant).</summary>
        void Unfilled();
    }
}
