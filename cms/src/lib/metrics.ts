import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface RequestLabels {
  method: string;
  route: string;
  status: number;
}

/**
 * The Prometheus registry of this CMS instance. One registry per Strapi instance (not
 * prom-client's global one), so features add their own counters to it and a test can
 * boot Strapi twice in one process.
 */
export default function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  const cacheLookups = new Counter({
    name: 'cache_lookups_total',
    help: 'Reads through the shared cache, by cached resource and result (hit, miss, error)',
    labelNames: ['cache', 'result'] as const,
    registers: [registry],
  });

  const uploads = new Counter({
    name: 'private_uploads_total',
    help: "Owners' private uploads (documents) finalised, by result (accepted, refused) and the reason a refused one was refused",
    labelNames: ['result', 'reason'] as const,
    registers: [registry],
  });

  return {
    registry,
    /** An upload accepted (`reason` "ok") or refused (`type`, `mismatch`, `size`, `missing`). */
    countUpload(result: 'accepted' | 'refused', reason: string): void {
      uploads.inc({ result, reason });
    },
    countCacheLookup(cache: string, result: 'hit' | 'miss' | 'error'): void {
      cacheLookups.inc({ cache, result });
    },
    contentType: registry.contentType,
    observeRequest(labels: RequestLabels, seconds: number): void {
      httpRequestDuration.observe({ ...labels, status: String(labels.status) }, seconds);
    },
    render(): Promise<string> {
      return registry.metrics();
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
