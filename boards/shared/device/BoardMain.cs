using System;
using System.Device.Gpio;
using System.Threading;
using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Safety;
using OpenIdds.Hal;
using OpenIdds.Hal.Drivers;

namespace OpenIdds.Boards
{
    /// <summary>
    /// What every nanoFramework board's Main does once its pins are wired: the whole pump
    /// (<see cref="InfusionPump"/>) over the board's hardware, set up from what the board has fitted
    /// (<see cref="BoardSetup"/>) and from why it reset (<see cref="RestartMarker"/>), the watchdog
    /// armed at three of the longest sleeps, then the loop. The pump starts stopped and is programmed
    /// by iddsctl over the serial link. Two build switches (docs/flashing.md):
    /// - BENCH (<c>-p:DefineConstants=BENCH</c>): after the self-test, fills and programs the fixed
    ///   bench prescription (<see cref="BenchPrescription"/>) for a balance run without a programmer.
    /// - SELFTEST (<c>-p:DefineConstants=SELFTEST</c>): runs only the hardware loopback self-test
    ///   (<see cref="LoopbackCheck"/>), prints its verdict and stays there with the motor disabled;
    ///   no therapy runs in this build.
    /// </summary>
    public static class BoardMain
    {
        /// <summary>The reset marker sits next to the journal on the internal flash drive.</summary>
        public const string RestartMarkerPath = "I:\\openidds.restart";

        /// <summary>The journal, event log, diary and keys (PumpSetup.PagesNeeded pages of 4 KiB).</summary>
        public const string StorePath = "I:\\openidds.nv";

        /// <summary>STORE-LOSS-IS-A-FAULT: present once the device was commissioned, outside the store's data.</summary>
        public const string CommissionedPath = "I:\\openidds.commissioned";

        /// <summary>FACTORY-SECRET-REQUIRED: the agreement secret and its label key, written once at manufacture (nanoff --filedeployment, docs/flashing.md).</summary>
        public const string FactorySecretPath = "I:\\openidds.factory";

        public static void Run(BoardHardware board)
        {
#if SELFTEST
            RunLoopback(board);
#endif
            FactorySecret factory = FactorySecret.Read(FactorySecretPath);
            if (!factory.Present) RefuseToRun(board, factory.Problem);
            factory.ApplyTo(board.Options);
            PumpSetup setup = BoardSetup.For(board.Options, board.Marker.TakeResetCause());
            // The service console (the debug output): the key to check against the printed label before provisioning.
            Console.WriteLine("OpenIDDS " + setup.DeviceId + ": label key " + factory.LabelKeyHex() + " (check it against the device's label)");
            setup.Commissioning = new OpenIdds.Hal.Storage.CommissioningFile(CommissionedPath);
#if BENCH
            bool bench = true;
            setup.DevelopmentKeysMayDeliver = true;
#else
            bool bench = false;
#endif
            InfusionPump pump = new InfusionPump(board.Build(setup.PagesNeeded), setup);
            board.Watchdog.Arm((int)ControlLoopMonitor.DefaultTimeout.Value);
            BoardLoop loop = new BoardLoop(pump, board.Annunciator, board.Clock, bench);
            if (board.MotorCutTriggerPin >= 0) loop.MotorCut = new MotorCutHeartbeat(board.Gpio, board.MotorCutTriggerPin);
            loop.Run();
        }

        /// <summary>
        /// FACTORY-SECRET-REQUIRED: no pump without the factory secret. The reason on the debug output and
        /// the programmer link, the red LED and the high-priority tone, the motor never enabled; forever.
        /// </summary>
        private static void RefuseToRun(BoardHardware board, string why)
        {
            string line = "OpenIDDS does not run: " + why;
            Console.WriteLine(line);
            byte[] text = System.Text.Encoding.UTF8.GetBytes(line + "\r\n");
            board.Link.Write(text, 0, text.Length);
            board.Motor.Disable();
            board.Annunciator.Annunciate(AlarmPriority.High, true);
            while (true)
            {
                board.Annunciator.Update(board.Clock.ElapsedMilliseconds);
                Thread.Sleep(BoardLoop.PatternSliceMilliseconds);
            }
        }

#if SELFTEST
        /// <summary>The loopback self-test alone: the verdict on the debug output and the programmer link, green or red LED, then nothing more.</summary>
        private static void RunLoopback(BoardHardware board)
        {
            LoopbackCheck check = new LoopbackCheck(board.Gpio, board.Motor, board.LoopbackInputPin, board.Clock);
            while (!check.Done)
            {
                int wait = check.Poll();
                if (wait > 0) Thread.Sleep(wait);
            }
            string verdict = check.Report();
            Console.WriteLine(verdict);
            byte[] line = System.Text.Encoding.UTF8.GetBytes(verdict + "\r\n");
            board.Link.Write(line, 0, line.Length);
            board.Annunciator.Annunciate(check.Passed ? AlarmPriority.None : AlarmPriority.High, !check.Passed);
            if (check.Passed) board.Leds.Show(IndicatorColor.Green);
            while (true)
            {
                if (!check.Passed) board.Annunciator.Update(board.Clock.ElapsedMilliseconds);
                Thread.Sleep(BoardLoop.PatternSliceMilliseconds);
            }
        }
#endif
    }
}
