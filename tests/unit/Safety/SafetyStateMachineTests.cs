using OpenIdds.Firmware.Safety;

namespace OpenIdds.Tests.Unit.Safety
{
    /// <summary>Every (state, trigger) pair: the legal ones lead where the table says, every other one is rejected and changes nothing.</summary>
    [TestClass]
    public class SafetyStateMachineTests
    {
        // Expected[state * TriggerCount + trigger] = next state, -1 = illegal. Written out by hand, independently of the table in code.
        private static readonly int[] Expected = new int[]
        {
            //        STP STF  Sta Sto BoS BoE Sus Res CrF ClR SvR
            /*POST*/   1,  6,  -1, -1, -1, -1, -1, -1, -1, -1, -1,
            /*Stop*/  -1, -1,   2, -1, -1, -1, -1, -1,  5, -1, -1,
            /*Run */  -1, -1,  -1,  1,  3, -1,  4, -1,  5, -1, -1,
            /*Bol */  -1, -1,  -1,  1, -1,  2,  4, -1,  5, -1, -1,
            /*Susp*/  -1, -1,  -1,  1, -1, -1, -1,  2,  5, -1, -1,
            /*AlSt*/  -1,  6,  -1, -1, -1, -1, -1, -1,  5,  1, -1,
            /*Safe*/  -1, -1,  -1, -1, -1, -1, -1, -1,  6, -1,  0,
        };

        [TestMethod]
        public void Every_transition_legal_and_illegal_matches_the_table()
        {
            int legal = 0, illegal = 0;
            for (int s = 0; s < SafetyStateMachine.StateCount; s++)
            {
                for (int t = 0; t < SafetyStateMachine.TriggerCount; t++)
                {
                    SafetyState next;
                    bool ok = SafetyStateMachine.TryNext((SafetyState)s, (SafetyTrigger)t, out next);
                    int want = Expected[s * SafetyStateMachine.TriggerCount + t];
                    string pair = SafetyStateMachine.StateName((SafetyState)s) + " + " + SafetyStateMachine.TriggerName((SafetyTrigger)t);
                    Assert.AreEqual(want >= 0, ok, pair);
                    Assert.AreEqual(want >= 0 ? want : s, (int)next, pair);
                    if (ok) legal++; else illegal++;
                }
            }
            Assert.AreEqual(20, legal);
            Assert.AreEqual(57, illegal);
        }

        [TestMethod]
        public void An_illegal_trigger_is_rejected_and_the_state_stays()
        {
            SafetyStateMachine machine = new SafetyStateMachine();
            Assert.IsFalse(machine.Fire(SafetyTrigger.Start), "no start before the self-test");
            Assert.AreEqual((int)SafetyState.PowerOnSelfTest, (int)machine.State);
            Assert.IsTrue(machine.Fire(SafetyTrigger.SelfTestPassed));
            Assert.IsTrue(machine.Fire(SafetyTrigger.Start));
            Assert.IsTrue(machine.MayDeliver);
            Assert.IsTrue(machine.Fire(SafetyTrigger.CriticalFault));
            Assert.IsFalse(machine.MayDeliver);
            Assert.IsFalse(machine.Fire(SafetyTrigger.Resume), "an alarm stop is not resumed, it is reset by a clinician");
            Assert.AreEqual((int)SafetyState.AlarmStopped, (int)machine.State);
        }
    }
}
