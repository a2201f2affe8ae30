using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// REPORT-WHAT-WAS-GIVEN: the therapy integrates the prescription, so the drug of steps the
    /// controller dropped (NO-CATCH-UP) is taken off what the hourly line and status call delivered.
    /// Writes the hourly delivery line, and asks for a journal record at least every hour, so that a
    /// reset never takes pump time back more than an hour, even through hours without a step.
    /// </summary>
    public sealed class DeliveryAccount
    {
        private readonly SafetySupervisor _supervisor;
        private readonly InfusionTherapy _therapy;
        private readonly EventLog _events;
        private readonly JournalRequest _journal;
        private long _nextHour;
        private long _stepsAtHour;
        private long _massAtHour;
        private long _stepsMissedSeen;
        private long _missedMass;
        private long _missedMassAtHour;

        public DeliveryAccount(SafetySupervisor supervisor, InfusionTherapy therapy, EventLog events, JournalRequest journal, Milliseconds now)
        {
            _supervisor = supervisor;
            _therapy = therapy;
            _events = events;
            _journal = journal;
            _nextHour = now.Value + Milliseconds.PerHour;
        }

        /// <summary>The drug of the steps dropped since start-up.</summary>
        public Nanograms MissedMass { get { return new Nanograms(_missedMass); } }

        /// <summary>What left the tip: the therapy's integral less the dropped steps' drug, never below zero.</summary>
        public Nanograms Given
        {
            get
            {
                long given = _therapy.DeliveredMass.Value - _missedMass;
                return new Nanograms(given > 0 ? given : 0);
            }
        }

        /// <summary>The step count and delivered mass at the last hourly line, and when the next is due (journaled).</summary>
        public long StepsAtHour { get { return _stepsAtHour; } }
        public long MassAtHour { get { return _massAtHour; } }
        public long NextHourAt { get { return _nextHour; } }

        /// <summary>Takes up the hourly line's figures from a recovered record.</summary>
        public void Restore(long stepsAtHour, long massAtHour, long nextHourAt)
        {
            _stepsAtHour = stepsAtHour;
            _massAtHour = massAtHour;
            if (nextHourAt > 0) _nextHour = nextHourAt;
        }

        public void CountMissedMass()
        {
            long missed = _supervisor.Pump.StepsMissed - _stepsMissedSeen;
            if (missed <= 0) return;
            _stepsMissedSeen += missed;
            _missedMass += _supervisor.Pump.Calibration.VolumeOf(missed).Value * _therapy.LineDrug.Concentration.Value / 1000;
        }

        public void HourlyLine(Milliseconds now)
        {
            if (now.Value < _nextHour) return;
            long steps = _supervisor.Pump.StepsTaken;
            long mass = _therapy.DeliveredMass.Value;
            long given = mass - _massAtHour - (_missedMass - _missedMassAtHour);
            _events.Append(EventKind.HourlyDelivery, now, steps - _stepsAtHour, given > 0 ? given : 0);
            _stepsAtHour = steps;
            _massAtHour = mass;
            _missedMassAtHour = _missedMass;
            while (_nextHour <= now.Value) _nextHour += Milliseconds.PerHour;
            _journal.Ask();
        }
    }
}
