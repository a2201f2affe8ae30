using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Therapy
{
    /// <summary>
    /// The reservoir gauge of a therapy tested without a motor: a motor that gives exactly the plan, so
    /// the computed reservoir is the fill less the volume planned since it, never below zero.
    /// </summary>
    public sealed class PlannedReservoir : IReservoirGauge
    {
        private InfusionTherapy? _therapy;
        private Nanoliters _fill = Nanoliters.Zero;
        private long _plannedAtFill;

        private PlannedReservoir(Nanoliters lowThreshold)
        {
            LowThreshold = lowThreshold;
        }

        /// <summary>A therapy on a planned-volume reservoir, with the configuration's low threshold.</summary>
        public static InfusionTherapy NewTherapy(PumpConfiguration config, DrugLibrary library, ITherapyRecorder? recorder, Milliseconds now)
        {
            PlannedReservoir reservoir = new PlannedReservoir(config.LowReservoirThreshold);
            InfusionTherapy therapy = new InfusionTherapy(config, library, recorder, reservoir, now);
            reservoir._therapy = therapy;
            return therapy;
        }

        public Nanoliters Computed
        {
            get
            {
                long planned = _therapy == null ? 0 : _therapy.PlannedVolume.Value - _plannedAtFill;
                long left = _fill.Value - planned;
                return new Nanoliters(left > 0 ? left : 0);
            }
        }

        public Nanoliters LowThreshold { get; private set; }

        public void Filled(Nanoliters volume, Nanoliters lowThreshold)
        {
            _fill = volume;
            _plannedAtFill = _therapy == null ? 0 : _therapy.PlannedVolume.Value;
            LowThreshold = lowThreshold;
        }

        public void Unfilled()
        {
            _fill = Nanoliters.Zero;
            _plannedAtFill = _therapy == null ? 0 : _therapy.PlannedVolume.Value;
        }
    }
}
