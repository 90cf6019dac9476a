import type { Core } from '@strapi/strapi';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { TABLE } from './constants';

/**
 * The plugin's series, on the app's registry (`global::metrics`, one per Strapi instance):
 * each instance counts what it did; Prometheus sums the instances.
 */
export function createDeliveryMetrics(strapi: Core.Strapi) {
  // `global::` services are the app's own (src/lib/infrastructure.ts); Strapi's types list
  // only api:: and plugin:: uids, so the registry is read through the container.
  const services = strapi.get('services') as { get(uid: string): unknown };
  const app = services.get('global::metrics') as { registry?: Registry } | undefined;
  const registry = app?.registry;
  if (!registry) {
    const noop = () => undefined;
    return { due: noop, sent: noop, failed: noop, retried: noop } as DeliveryMetrics;
  }
  const registers = [registry];
  const due = new Counter({
    name: 'reminders_due_total',
    help: 'Due notices pulled from the reminder sources by the tick, by source',
    labelNames: ['source'] as const,
    registers,
  });
  const sent = new Counter({
    name: 'reminder_deliveries_sent_total',
    help: 'Reminder deliveries the provider accepted, by channel',
    labelNames: ['channel'] as const,
    registers,
  });
  const failed = new Counter({
    name: 'reminder_deliveries_failed_total',
    help: 'Reminder delivery attempts that failed (retried later or failed for good), by channel and outcome',
    labelNames: ['channel', 'outcome'] as const,
    registers,
  });
  const retried = new Counter({
    name: 'reminder_deliveries_retried_total',
    help: 'Reminder deliveries put back in the queue after a failure (automatic or by an admin), by channel',
    labelNames: ['channel', 'by'] as const,
    registers,
  });
  const lag = new Histogram({
    name: 'reminder_delivery_lag_seconds',
    help: 'Time from a notice being due to its delivery being accepted, by channel',
    labelNames: ['channel'] as const,
    buckets: [1, 5, 15, 30, 60, 120, 300, 900, 3600, 4 * 3600, 12 * 3600, 86400],
    registers,
  });
  new Gauge({
    name: 'reminder_outbox_depth',
    help: 'Deliveries not finished yet (pending or sending), by status and channel',
    labelNames: ['status', 'channel'] as const,
    registers,
    async collect() {
      this.reset();
      try {
        const rows = (await strapi.db
          .connection(TABLE)
          // Two arms, not IN: PostgreSQL answers each from its partial index (table.ts).
          .where((where) => where.where('status', 'pending').orWhere('status', 'sending'))
          .groupBy('status', 'channel')
          .select('status', 'channel')
          .count({ count: '*' })) as Array<{ status: string; channel: string; count: string }>;
        for (const row of rows)
          this.set({ status: row.status, channel: row.channel }, Number(row.count));
      } catch {
        // The scrape still answers; the gauge is empty while the database is unreachable.
      }
    },
  });
  return {
    due: (source: string, count: number) => due.inc({ source }, count),
    sent: (channel: string, dueAt: string, at: Date) => {
      sent.inc({ channel });
      lag.observe({ channel }, Math.max(0, (at.getTime() - new Date(dueAt).getTime()) / 1000));
    },
    failed: (channel: string, outcome: 'retry' | 'failed' | 'unknown') =>
      failed.inc({ channel, outcome }),
    retried: (channel: string, by: 'backoff' | 'admin') => retried.inc({ channel, by }),
  };
}

export interface DeliveryMetrics {
  due(source: string, count: number): void;
  sent(channel: string, dueAt: string, at: Date): void;
  failed(channel: string, outcome: 'retry' | 'failed' | 'unknown'): void;
  retried(channel: string, by: 'backoff' | 'admin'): void;
}
