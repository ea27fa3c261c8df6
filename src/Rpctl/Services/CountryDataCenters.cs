using System.Text.Json;
using RunPod.Api;
using RunPod.Api.Http;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>
/// v2 has no country filter on pods: <c>--country</c> becomes the data centers in that country.
/// RunPod's data-center ids carry the country (<c>US-TX-3</c>, <c>EU-RO-1</c>, <c>EUR-IS-1</c>, <c>OC-AU-1</c>).
/// </summary>
internal static class CountryDataCenters
{
    public static string CountryOf(string dataCenterId)
    {
        var parts = dataCenterId.Split('-');
        if (parts.Length < 2)
            return "";
        return parts[0] is "US" or "CA" ? parts[0] : parts[1].Length == 2 ? parts[1] : parts[0];
    }

    public static async Task<List<string>> ResolveAsync(Invocation inv, string country, List<string> regions, CancellationToken ct)
    {
        var client = await inv.ClientAsync(ct);
        var doc = await client.Transport.SendAsync(ApiRequest.Get(ApiSurface.Rest, "/v2/catalog/datacenters"), ct);
        var inCountry = doc!.RootElement.GetProperty("dataCenters").EnumerateArray()
            .Select(dc => dc.GetProperty("id").GetString() ?? "")
            .Where(id => CountryOf(id) == country)
            .ToList();
        if (inCountry.Count == 0)
            throw CliException.BadValue("--country", country, "RunPod has no data center in that country (see 'rpctl capacity regions')");
        if (regions.Count == 0)
            return inCountry;
        var both = regions.Where(inCountry.Contains).ToList();
        if (both.Count == 0)
            throw CliException.Usage($"none of the --region data centers is in {country}");
        return both;
    }
}
