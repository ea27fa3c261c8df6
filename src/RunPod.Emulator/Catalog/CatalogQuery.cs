using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using RunPod.Emulator.Http;

namespace RunPod.Emulator.Catalog;

/// <summary>
/// The catalog's query parameters and their rules: arrays are comma-separated (form, explode=false);
/// malformed values are 422; include/product pairing, include-only filters and
/// cudaVersions+minCudaVersion are 400s.
/// </summary>
internal sealed partial class CatalogQuery
{
    private readonly IQueryCollection _query;
    private readonly List<string> _malformed = [];

    private CatalogQuery(IQueryCollection query) => _query = query;

    public List<string> Include { get; private set; } = [];
    public List<string> Product { get; private set; } = [];
    public int Count { get; private set; } = 1;
    public string Cloud { get; private set; } = Clouds.Secure;
    public List<string> CountryCodes { get; private set; } = [];
    public List<string> CudaVersions { get; private set; } = [];
    public string? MinCudaVersion { get; private set; }
    public int? VcpuCount { get; private set; }
    public List<string> Regions { get; private set; } = [];
    public List<string> NetworkVolumeTypes { get; private set; } = [];
    public List<string> Compliance { get; private set; } = [];
    public bool? GlobalNetwork { get; private set; }

    public bool WithAvailability => Include.Contains("AVAILABILITY");

    public static CatalogQuery ForGpus(HttpContext context)
    {
        var q = new CatalogQuery(context.Request.Query);
        q.Include = q.AtMostOne("include", q.List("include", ["AVAILABILITY"]));
        q.Product = q.List("product", ["POD", "CLUSTER", "SERVERLESS"]);
        q.Count = q.Integer("count", 1) ?? 1;
        q.Cloud = q.Scalar("cloud", Clouds.All) ?? Clouds.Secure;
        q.CountryCodes = q.Patterned("countryCodes", CountryPattern());
        q.CudaVersions = q.Patterned("cudaVersions", CudaPattern());
        q.MinCudaVersion = q.ScalarPatterned("minCudaVersion", MinCudaPattern());
        q.ThrowIfMalformed();
        q.RequireIncludeFor("count", "cloud", "countryCodes", "cudaVersions", "minCudaVersion");
        if (q.Has("cudaVersions") && q.Has("minCudaVersion"))
        {
            throw ApiException.BadRequest("cudaVersions and minCudaVersion are mutually exclusive");
        }
        return q;
    }

    public static CatalogQuery ForCpus(HttpContext context)
    {
        var q = new CatalogQuery(context.Request.Query);
        q.Include = q.AtMostOne("include", q.List("include", ["AVAILABILITY"]));
        q.Product = q.List("product", ["POD", "SERVERLESS"]);
        q.VcpuCount = q.Integer("vcpuCount", 2);
        q.ThrowIfMalformed();
        q.RequireIncludeFor("vcpuCount");
        if (q.VcpuCount is { } n && (n & (n - 1)) != 0)
        {
            throw ApiException.BadRequest("vcpuCount must be a power of two");
        }
        return q;
    }

    public static CatalogQuery ForDataCenters(HttpContext context)
    {
        var q = new CatalogQuery(context.Request.Query);
        q.Include = q.List("include", ["GPU_AVAILABILITY", "CPU_AVAILABILITY"]);
        q.Regions = q.List("regions", ["NORTH_AMERICA", "SOUTH_AMERICA", "EUROPE", "ASIA", "MIDDLE_EAST", "AFRICA", "OCEANIA", "ANTARCTICA", "UNKNOWN"]);
        q.NetworkVolumeTypes = q.List("networkVolumeTypes", ["STANDARD", "HIGH_PERFORMANCE"]);
        q.Compliance = q.List("compliance", ["GDPR", "ISO_IEC_27001", "ISO_14001", "PCI_DSS", "HITRUST", "SOC_1_TYPE_2", "SOC_2_TYPE_2", "SOC_3_TYPE_2", "ITAR", "FISMA_HIGH", "HIPAA", "RENEWABLE"]);
        if (q.Has("globalNetwork"))
        {
            var text = q._query["globalNetwork"].ToString();
            if (bool.TryParse(text, out var b)) q.GlobalNetwork = b;
            else q._malformed.Add($"query.globalNetwork: expected boolean, but got '{text}'");
        }
        q.ThrowIfMalformed();
        return q;
    }

    private bool Has(string name) => _query.ContainsKey(name);

    /// <summary>Comma-separated values; a repeated key is accepted too (its values are joined).</summary>
    private List<string> Values(string name) =>
        [.. _query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private List<string> List(string name, string[] allowed)
    {
        var values = Values(name);
        for (var i = 0; i < values.Count; i++)
        {
            if (!allowed.Contains(values[i]))
            {
                _malformed.Add($"query.{name}[{i}]: value must be one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}");
            }
        }
        return values;
    }

    /// <summary>The spec declares catalog <c>include</c> with maxItems 1.</summary>
    private List<string> AtMostOne(string name, List<string> values)
    {
        if (values.Count > 1)
        {
            _malformed.Add($"query.{name}: array must have at most 1 items but found {values.Count}");
        }
        return values;
    }

    /// <summary>A single enum value (not an array): "SECURE,COMMUNITY" is malformed, not a list.</summary>
    private string? Scalar(string name, string[] allowed)
    {
        if (!Has(name))
        {
            return null;
        }
        var text = _query[name].ToString();
        if (!allowed.Contains(text))
        {
            _malformed.Add($"query.{name}: value must be one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}");
            return null;
        }
        return text;
    }

    private string? ScalarPatterned(string name, Regex pattern)
    {
        if (!Has(name))
        {
            return null;
        }
        var text = _query[name].ToString();
        if (!pattern.IsMatch(text))
        {
            _malformed.Add($"query.{name}: does not match pattern '{pattern}'");
            return null;
        }
        return text;
    }

    private List<string> Patterned(string name, Regex pattern)
    {
        var values = Values(name);
        for (var i = 0; i < values.Count; i++)
        {
            if (!pattern.IsMatch(values[i]))
            {
                _malformed.Add($"query.{name}[{i}]: does not match pattern '{pattern}'");
            }
        }
        return values;
    }

    private int? Integer(string name, int minimum)
    {
        if (!Has(name))
        {
            return null;
        }
        var text = _query[name].ToString();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            _malformed.Add($"query.{name}: expected integer, but got '{text}'");
            return null;
        }
        if (value < minimum)
        {
            _malformed.Add($"query.{name}: must be >= {minimum} but found {value}");
        }
        return value;
    }

    private void ThrowIfMalformed()
    {
        if (_malformed.Count > 0)
        {
            throw ApiException.Validation(_malformed);
        }
        if (WithAvailability && Product.Count == 0)
        {
            throw ApiException.BadRequest("product is required when include=AVAILABILITY");
        }
        if (!WithAvailability && Product.Count > 0)
        {
            throw ApiException.BadRequest("product is only allowed with include=AVAILABILITY");
        }
    }

    private void RequireIncludeFor(params string[] names)
    {
        foreach (var name in names.Where(Has))
        {
            if (!WithAvailability)
            {
                throw ApiException.BadRequest($"{name} is only allowed with include=AVAILABILITY");
            }
        }
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex CudaPattern();

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex MinCudaPattern();
}
