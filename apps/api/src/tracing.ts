/**
 * OpenTelemetry tracing when `OTEL_EXPORTER_OTLP_ENDPOINT` is set (e.g. http://collector:4318): one span per
 * GraphQL operation (`@envelop/opentelemetry`: operation name and type, the document; no variables, no
 * result), exported in batches over OTLP/HTTP (JSON) to `<endpoint>/v1/traces` with `service.name` =
 * `OTEL_SERVICE_NAME` (default cyclelens-api). Resolver spans are off (one span per field would cost more than
 * the operation on the dashboard query).
 *
 * Off by default at zero cost: without the variable nothing of OpenTelemetry is even imported (the modules
 * are loaded with `import()` here only when configured) and no plugin is installed.
 */
import type { Plugin } from "graphql-yoga";

export interface Tracing {
  plugin: Plugin;
  /** Exports the spans still buffered, then stops the exporter. */
  shutdown(): Promise<void>;
}

/** The OTLP traces URL for an endpoint: `<endpoint>/v1/traces` (the OTLP/HTTP convention for the base variable). */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, "")}/v1/traces`;
}

export async function startTracing(options: { endpoint: string; serviceName: string }): Promise<Tracing> {
  const [
    { useOpenTelemetry },
    { BasicTracerProvider, BatchSpanProcessor },
    { OTLPTraceExporter },
    { Resource },
  ] = await Promise.all([
    import("@envelop/opentelemetry"),
    import("@opentelemetry/sdk-trace-base"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
  ]);
  const exporter = new OTLPTraceExporter({ url: tracesUrl(options.endpoint) });
  const provider = new BasicTracerProvider({
    resource: new Resource({ "service.name": options.serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1000 })],
  });
  const plugin = useOpenTelemetry(
    { resolvers: false, variables: false, result: false, document: true },
    provider,
    undefined,
    undefined,
    options.serviceName,
  ) as Plugin;
  return {
    plugin,
    async shutdown() {
      await provider.forceFlush();
      await provider.shutdown();
    },
  };
}
