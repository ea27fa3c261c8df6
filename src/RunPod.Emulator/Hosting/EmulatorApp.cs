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
        // RunPod's Date header is its clock; ours is the emulator clock, so clients that age
        // resources by the server's time (rpctl --older-than) agree with createdAt after /_emulator/clock.
        app.Use((context, next) =>
        {
            context.Response.Headers.Date = services.Clock.Now().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return next(context);
        });
        app.Use(new FaultInjector(services.Faults).Invoke);
        app.Use(RestAuthMiddleware.Invoke);
        app.Use(new RateLimiter(services.Store, services.Clock, services.Config).Invoke);

        var routes = new RouteTable(app);
        new AdminRoutes(services.Store, services.Clock, services.Config, services.Capacity, services.Faults).Register(routes);
        new FaultRoutes(services.Faults).Register(routes);
        new PodRoutes(services.Store, services.Pods).Register(routes);
        new TemplateRoutes(services.Store, services.Templates).Register(routes);
        new NetworkVolumeRoutes(services.Store, services.Volumes).Register(routes);
        new RegistryRoutes(services.Store, services.Registries, services.Delegations).Register(routes);
        new AccountRoutes(services.Store, services.SshKeys).Register(routes);
        new GraphQl.GraphQlRoutes(new GraphQl.GraphQlResolvers(services.Store, services.Pods, services.Capacity, services.Clock, new GraphQl.GraphQlAccountResolvers(services))).Register(routes);
        new CatalogRoutes(services.Store, new Catalog.CatalogJson(services.Capacity)).Register(routes);
        new EndpointRoutes(services.Store, services.Endpoints, services.EndpointService).Register(routes);
        new Runtime.RuntimeRoutes(services.Jobs).Register(routes);

        app.MapFallback(context => Problem.Write(context, 404, "resource not found"));
        return app;
    }
}
