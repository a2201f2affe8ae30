using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace OpenIdds.Tests.Host.Records;

/// <summary>
/// Firely's validator against the base R4 profiles, offline: the StructureDefinitions come from the
/// specification.zip that Hl7.Fhir.Specification.Data.R4 copies beside the tests. Its first load takes
/// seconds, so the suite builds it once and shares it.
/// </summary>
public static class FhirValidation
{
    private static readonly Lazy<Validator> Shared = new(() =>
    {
        string zip = Path.Combine(AppContext.BaseDirectory, "specification.zip");
        if (!File.Exists(zip)) throw new FileNotFoundException("Hl7.Fhir.Specification.Data.R4 did not copy specification.zip beside the tests", zip);
        var resolver = new CachedResolver(new ZipSource(zip));
        return new Validator(resolver, new LocalTerminologyService(resolver));
    });

    /// <summary>The issues of error or fatal severity, each as "location: text".</summary>
    public static List<string> Errors(Resource resource)
    {
        OperationOutcome outcome;
        lock (Shared) outcome = Shared.Value.Validate(resource);
        return outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Expression ?? Array.Empty<string>())}: {i.Details?.Text ?? i.Diagnostics}")
            .ToList();
    }
}
