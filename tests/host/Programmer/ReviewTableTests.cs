using System.Text.RegularExpressions;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Programmer.Cli;

namespace OpenIdds.Tests.Host.Programmer;

/// <summary>The review table of `iddsctl program`: one quantity and one unit per row, both columns of a row in the same unit.</summary>
[TestClass]
public class ReviewTableTests
{
    /// <summary>The units a cell may end in; a cell holds one number and one of them.</summary>
    private static readonly string[] UnitsShown = { "uL/h", "mL/day", "mg/day", "ug/day", "mg/mL", "ug/mL", "ug" };

    [TestMethod]
    public void Every_row_shows_one_quantity_in_one_unit_in_both_columns()
    {
        var flex = Prescription.Flex(new Drug(DrugLibrary.Ziconotide, new MicrogramsPerMilliliter(25)),
            new[] { Milliseconds.FromHours(6), Milliseconds.FromHours(22) }, new[] { new NanolitersPerHour(2_400), new NanolitersPerHour(2_000) }, null);
        var perDay = Prescription.ContinuousPerDay(new Drug(DrugLibrary.Ziconotide, new MicrogramsPerMilliliter(25)), new NanolitersPerDay(57_600),
            new PatientBolusSettings(new Micrograms(1), Milliseconds.FromMinutes(10), Milliseconds.FromHours(2), 2));
        var rows = ReviewTable.Rows(flex, flex.DailyDose.Value, perDay, perDay.DailyDose.Value);
        CollectionAssert.Contains(rows, ("dose per day", "1.360 ug/day", "1.440 ug/day"));
        foreach (var (label, now, next) in rows)
        {
            string[] units = new[] { now, next }.Where(c => c != "-").Select(c => UnitsShown.FirstOrDefault(u => c.EndsWith(" " + u)) ?? "").Distinct().ToArray();
            Assert.IsTrue(units.Length <= 1, $"row {label}: '{now}' and '{next}' are in different units");
            foreach (string cell in new[] { now, next })
                Assert.IsTrue(Regex.Matches(cell, @"\d+(\.\d+)?").Count <= (cell.Contains(':') ? 2 : 1) || label.Contains("duration") || label.Contains("lockout"), $"row {label}: '{cell}' holds more than one quantity");
        }
    }
}
