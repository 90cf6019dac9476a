import type { Core } from '@strapi/strapi';
import type { RemindersConfig } from './config';
import { TICK_LOCK } from './constants';
import type { Dispatcher } from './dispatch';
import type { DeliveryMetrics } from './metrics';
import { deliveryRows, writeDeliveries } from './outbox';
import type { DueNotice, NoticeSource } from './types';

/** A source that keeps offering the same notices must not hold a tick forever. */
const MAX_ROUNDS_PER_SOURCE = 2000;

export type TickResult =
  | { skipped: 'another instance is ticking' | 'this instance is ticking' }
  | { notices: number; written: number };

export interface Registry {
  register(source: NoticeSource): void;
  list(): NoticeSource[];
}

export function createSourceRegistry(): Registry {
  const sources = new Map<string, NoticeSource>();
  return {
    register(source) {
      if (
        !source?.name ||
        typeof source.due !== 'function' ||
        typeof source.handedOver !== 'function'
      ) {
        throw new Error(
          'A reminder source needs a name, due(now, limit) and handedOver(keys, now)',
        );
      }
      sources.set(source.name, source);
    },
    list: () => [...sources.values()],
  };
}

/**
 * Writes the delivery rows of what is due: pulls notices from each source in batches, writes
 * one row per (notice, channel) (ON CONFLICT DO NOTHING on the delivery key), then tells the
 * source they are handed over and gives the new rows to the dispatcher. On PostgreSQL one
 * instance runs a tick at a time (a transaction-scoped advisory lock; the others skip);
 * racing ticks would still write one row per key.
 */
export function createScheduler(
  strapi: Core.Strapi,
  config: RemindersConfig,
  sources: Registry,
  dispatcher: Dispatcher,
  metrics: DeliveryMetrics,
) {
  let running = false;

  async function write(notices: DueNotice[], source: string, now: Date) {
    const written = await writeDeliveries(strapi, deliveryRows(notices, source, config, now));
    await dispatcher.notify(written);
    return written.length;
  }

  async function pull(now: Date) {
    let notices = 0;
    let written = 0;
    for (const source of sources.list()) {
      for (let round = 0; round < MAX_ROUNDS_PER_SOURCE; round += 1) {
        const batch = await source.due(now, config.batchSize);
        if (batch.length === 0) break;
        metrics.due(source.name, batch.length);
        notices += batch.length;
        written += await write(batch, source.name, now);
        // After the rows exist: a crash before this line offers them again, and the unique
        // key turns the second offer into nothing.
        await source.handedOver(
          batch.map((notice) => notice.key),
          now,
        );
        if (batch.length < config.batchSize) break;
      }
    }
    return { notices, written };
  }

  return {
    /** One tick. `lock: false` skips the advisory lock (tests prove the unique key alone holds). */
    async tick(now = new Date(), { lock = true }: { lock?: boolean } = {}): Promise<TickResult> {
      if (lock && running) return { skipped: 'this instance is ticking' };
      running = lock ? true : running;
      try {
        if (!lock || strapi.db.dialect.client !== 'postgres') return await pull(now);
        return await strapi.db.connection.transaction(async (trx) => {
          const { rows } = await trx.raw('SELECT pg_try_advisory_xact_lock(?) AS locked', [
            TICK_LOCK,
          ]);
          if (!rows[0].locked) return { skipped: 'another instance is ticking' as const };
          return pull(now);
        });
      } finally {
        if (lock) running = false;
      }
    },

    /** Immediate notices (recalls...): the same rows the tick writes, queued at once. */
    async enqueue(notices: DueNotice[], source = 'immediate', now = new Date()) {
      return { written: await write(notices, source, now) };
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
