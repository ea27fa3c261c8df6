using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RunPod.Emulator.Admin;
using RunPod.Emulator.Http;
using RunPod.Emulator.Rest;

namespace RunPod.Emulator.Hosting;

/// <summary>Builds the ASP.NET Core app: middleware order and one Register call per area.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(EmulatorOptions options, EmulatorServices services)
    {
        // Slim builder without args or appsettings: the CLI's environment must not reconfigure the emulator.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "RunPod.Emulator",
        });
        // Silent: the CLI's stdout/stderr belong to the CLI.
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            if (IPAddress.TryParse(options.BindAddress, out var ip))
            {
                kestrel.Listen(ip, options.Port);
            }
            else
            {
                kestrel.ListenLocalhost(options.Port);
            }
        });

        var app = builder.Build();

        if (options.EnableRequestLog)
        {
            app.Use(new RequestLog(services.Store, services.Clock).Invoke);
        }
        app.Use(RestAuthMiddleware.Invoke);
        app.Use(new RateLimiter(services.Store, services.Clock, services.Config).Invoke);

        var routes = new RouteTable(app);
        new AdminRoutes(services.Store, services.Clock, services.Config, services.Capacity).Register(routes);
        new PodRoutes(services.Store, services.Pods).Register(routes);
        new GraphQl.GraphQlRoutes(new GraphQl.GraphQlResolvers(services.Store, services.Pods, services.Capacity, services.Clock)).Register(routes);
        new CatalogRoutes(services.Store, new Catalog.CatalogJson(services.Capacity)).Register(routes);
        new EndpointRoutes(services.Store, services.Endpoints, services.EndpointService).Register(routes);
        new Runtime.RuntimeRoutes(services.Jobs).Register(routes);

        app.MapFallback(context => Problem.Write(context, 404, "resource not found"));
        return app;
    }
}
