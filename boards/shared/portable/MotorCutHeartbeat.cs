using System.Device.Gpio;
using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Safety;

namespace OpenIdds.Boards
{
    /// <summary>
    /// MOTOR-CUT-HEARTBEAT: the trigger of the independent motor cut (the BOM's retriggerable monostable
    /// on the driver's SLEEP, about 1 s). The board loop calls <see cref="Beat"/> at every tick - at least
    /// every <see cref="BoardLoop.LinkSliceMilliseconds"/> - and each beat toggles the pin, so the driver
    /// stays awake only while the loop runs. It holds the pin still, and the driver falls asleep within
    /// the monostable's time whatever ENABLE does, when the MCU hangs, in the safe state, and while the
    /// over-infusion guard's alarm is shown: a cut on a second path to the driver, beside ENABLE.
    /// The pin opens low: the driver sleeps from power-on until the first beat.
    /// </summary>
    public sealed class MotorCutHeartbeat
    {
        private readonly GpioController _gpio;
        private readonly int _pin;
        private bool _high;

        public MotorCutHeartbeat(GpioController gpio, int pin)
        {
            _gpio = gpio;
            _pin = pin;
            _gpio.OpenPin(pin, PinMode.Output);
            _gpio.Write(pin, PinValue.Low);
        }

        /// <summary>Toggles the trigger, or holds it low while the pump must not move its motor at all.</summary>
        public void Beat(InfusionPump pump)
        {
            SafetySupervisor supervisor = pump.Supervisor;
            if (supervisor.State == SafetyState.SafeState || supervisor.Alarms.IsShown(AlarmCode.OverInfusion))
            {
                if (_high) _gpio.Write(_pin, PinValue.Low);
                _high = false;
                return;
            }
            _high = !_high;
            _gpio.Write(_pin, _high ? PinValue.High : PinValue.Low);
        }
    }
}
