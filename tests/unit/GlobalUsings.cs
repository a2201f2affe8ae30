// These unit tests compile for MSTest on the host and for nanoFramework.TestFramework on a board
// (the guard compiles them against the nanoFramework reference). They use only what both share:
// [TestClass], [TestMethod], [DataRow], Assert.AreEqual/IsTrue/IsFalse/IsNull/IsNotNull, and
// Expect.Throws for exceptions. nanoFramework calls test methods on a null instance, so tests keep
// their state in locals.
#if NANOFRAMEWORK_1_0
global using nanoFramework.TestFramework;
#else
global using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
