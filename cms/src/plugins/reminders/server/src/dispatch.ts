import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import Redis from 'ioredis';
import { createEmailChannel, type ChannelResult } from './channels/email';
import { createSmsProvider } from './channels/sms';
import type { RemindersConfig } from './config';
import { TABLE, type Channel } from './constants';
import type { DeliveryMetrics } from './metrics';
import { batcher } from './batch';
import type { WrittenDelivery } from './outbox';
import { fromRow } from './table';
import { backoffMs, quietHoursOf, smsSendableAt } from './time';
import type { Delivery } from './types';

/** Where a test may stop this process (process.exit), to play a worker killed there. */
export type CrashPoint = 'after-claim' | 'after-send';

const QUEUE = 'reminder-deliveries';
/**
 * One job per delivery row, named by its id: adding it again while it waits is a no-op.
 * BullMQ refuses integer-like custom ids, hence the prefix.
 */
const jobId = (id: number) => `delivery-${id}`;
const IDLE_POLL_MS = 1000;
/**
 * The claim, the mark and the "sent" write of deliveries in flight at the same moment are
 * one UPDATE each: at most BATCH_MAX rows, gathered for at most BATCH_WAIT_MS. Each row keeps
 * its own condition (pending for the claim; status and attempts for the fence), so a batch
 * decides for every row exactly what its single UPDATE did.
 */
const BATCH_MAX = 200;
const BATCH_WAIT_MS = 4;
const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

const message = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/**
 * Sends what the outbox holds, exactly once per row. Every path (BullMQ job, in-process
 * drain, admin retry) goes through the same steps:
 *
 * 1. claim: pending → sending, attempts + 1, lease_until = now + lease; a conditional UPDATE
 *    only one worker wins (batches take SKIP LOCKED on PostgreSQL);
 * 2. mark send_started_at (fenced on the claim: status and attempts unchanged);
 * 3. one provider call;
 * 4. sent + provider message id, or pending again after a backoff, or failed at the cap.
 *
 * A lease that runs out is a dead worker's: with send_started_at empty nothing left this
 * instance and the row goes back to pending; with it set the provider may have accepted
 * the message, so the row becomes `unknown` and is never sent again without an admin.
 */
export function createDispatcher(
  strapi: Core.Strapi,
  config: RemindersConfig,
  metrics: DeliveryMetrics,
  appRoot: string,
) {
  const knex = () => strapi.db.connection;
  const email = createEmailChannel(config, appRoot);
  const sms = createSmsProvider(config, appRoot);
  let crashAt: { point: CrashPoint; keyPrefix: string } | null = null;
  let stopped = false;
  let inFlight = 0;
  const idleWaiters: Array<() => void> = [];

  const crash = (point: CrashPoint, delivery: Delivery) => {
    if (crashAt?.point === point && delivery.deliveryKey.startsWith(crashAt.keyPrefix)) {
      // A test's stand-in for kill -9: no cleanup, no status write.
      process.stderr.write(`[reminders] test crash point ${point}: exiting\n`);
      process.exit(86);
    }
  };

  // ── the claim ──────────────────────────────────────────────────────────────────────
  async function claimOne(id: number, now = new Date()): Promise<Delivery | null> {
    const rows = (await knex()(TABLE)
      .where({ id, status: 'pending' })
      .andWhere('next_attempt_at', '<=', now)
      .update({
        status: 'sending',
        attempts: knex().raw('attempts + 1'),
        lease_until: new Date(now.getTime() + config.leaseMs),
        updated_at: now,
      })
      .returning('*')) as Array<Record<string, unknown>>;
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /**
   * PostgreSQL: an UPDATE of the rows with these primary keys, joined to the keys' arrays
   * (`v`) so that each row is found through the primary key alone. The status a row must
   * have comes from `v` too (a join clause, not a constant): a constant `status = 'pending'`
   * lets the planner read the whole partial index of that status instead, which it did
   * whenever its statistics were older than the outbox's last burst (an index of 50,000
   * pending rows read for a batch of 10). Written as `id IN (…) AND status = …` it ANDed the
   * primary key with an index of every row ever in that status until VACUUM.
   */
  const byKeys = async (statement: {
    set: [string, unknown[]];
    keys: [string, unknown[]];
    where: [string, unknown[]];
    returning: string;
  }): Promise<Array<Record<string, unknown>>> => {
    const { set, keys, where, returning } = statement;
    const result = await knex().raw(
      `UPDATE ${TABLE} AS t SET ${set[0]} FROM (${keys[0]}) AS v
        WHERE t.id = v.id AND ${where[0]} RETURNING ${returning}`,
      [...set[1], ...keys[1], ...where[1]] as Knex.RawBinding[],
    );
    return result.rows as Array<Record<string, unknown>>;
  };

  /** claimOne for many ids at once (the BullMQ jobs taken at the same moment). */
  const claims = batcher(
    async (ids: number[]): Promise<Array<Delivery | null>> => {
      const now = new Date();
      const leaseUntil = new Date(now.getTime() + config.leaseMs);
      const rows = isPostgres(strapi)
        ? await byKeys({
            set: [
              "status = 'sending', attempts = t.attempts + 1, lease_until = ?, updated_at = ?",
              [leaseUntil, now],
            ],
            keys: ["SELECT unnest(?::bigint[]) AS id, 'pending'::varchar AS status", [ids]],
            where: ['t.status = v.status AND t.next_attempt_at <= ?', [now]],
            returning: 't.*',
          })
        : ((await knex()(TABLE)
            .whereIn('id', ids)
            .andWhere({ status: 'pending' })
            .andWhere('next_attempt_at', '<=', now)
            .update({
              status: 'sending',
              attempts: knex().raw('attempts + 1'),
              lease_until: leaseUntil,
              updated_at: now,
            })
            .returning('*')) as Array<Record<string, unknown>>);
      const byId = new Map(rows.map((row) => [Number(row.id), fromRow(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { max: BATCH_MAX, waitMs: BATCH_WAIT_MS },
  );

  async function claimBatch(limit: number, now = new Date()): Promise<Delivery[]> {
    const lock = isPostgres(strapi) ? 'FOR UPDATE SKIP LOCKED' : '';
    const result = await knex().raw(
      `UPDATE ${TABLE} SET status = 'sending', attempts = attempts + 1, lease_until = ?, updated_at = ?
       WHERE id IN (SELECT id FROM ${TABLE} WHERE status = 'pending' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at, id LIMIT ? ${lock})
       RETURNING *`,
      [new Date(now.getTime() + config.leaseMs), now, now, limit],
    );
    const rows = (Array.isArray(result) ? result : result.rows) as Array<Record<string, unknown>>;
    return rows.map(fromRow);
  }

  // ── one delivery ──────────────────────────────────────────────────────────────────
  const fenced = (delivery: Delivery) =>
    knex()(TABLE).where({ id: delivery.id, status: 'sending', attempts: delivery.attempts });
  /** The same fence for many rows: still ours (sending, with the attempts we claimed); SQLite. */
  const fencedMany = (deliveries: Delivery[]) =>
    knex()(TABLE)
      .where({ status: 'sending' })
      .whereIn(
        ['id', 'attempts'],
        deliveries.map((delivery) => [delivery.id, delivery.attempts]),
      );
  const ids = (rows: Array<Record<string, unknown>>) => new Set(rows.map((row) => Number(row.id)));

  /** The claimed rows' keys for byKeys: id and the attempts the claim set (the fence). */
  const claimedKeys = (deliveries: Delivery[]): [string, unknown[]] => [
    "SELECT unnest(?::bigint[]) AS id, unnest(?::int[]) AS attempts, 'sending'::varchar AS status",
    [deliveries.map((delivery) => delivery.id), deliveries.map((delivery) => delivery.attempts)],
  ];
  const stillOurs: [string, unknown[]] = ['t.status = v.status AND t.attempts = v.attempts', []];

  /** Step 2: send_started_at = now on the rows still ours; answers which are. */
  const marks = batcher(
    async (deliveries: Delivery[]): Promise<boolean[]> => {
      const now = new Date();
      const owned = ids(
        isPostgres(strapi)
          ? await byKeys({
              set: ['send_started_at = ?, updated_at = ?', [now, now]],
              keys: claimedKeys(deliveries),
              where: stillOurs,
              returning: 't.id',
            })
          : await fencedMany(deliveries)
              .update({ send_started_at: now, updated_at: now })
              .returning(['id']),
      );
      return deliveries.map((delivery) => owned.has(delivery.id));
    },
    { max: BATCH_MAX, waitMs: BATCH_WAIT_MS },
  );

  /** Step 4 when the provider accepted: sent, with its message id; answers the write time. */
  const sentWrites = batcher(
    async (items: Array<{ delivery: Delivery; messageId: string }>): Promise<Date[]> => {
      const now = new Date();
      if (isPostgres(strapi)) {
        const [keys, bindings] = claimedKeys(items.map((item) => item.delivery));
        await byKeys({
          set: [
            "status = 'sent', provider_message_id = v.message_id, sent_at = ?, lease_until = NULL, last_error = NULL, updated_at = ?",
            [now, now],
          ],
          keys: [
            `${keys}, unnest(?::text[]) AS message_id`,
            [...bindings, items.map((item) => item.messageId)],
          ],
          where: stillOurs,
          returning: 't.id',
        });
        return items.map(() => now);
      }
      const cases = items.map(() => 'WHEN ? THEN ?').join(' ');
      await fencedMany(items.map((item) => item.delivery)).update({
        status: 'sent',
        provider_message_id: knex().raw(
          `CASE id ${cases} END`,
          items.flatMap((item) => [item.delivery.id, item.messageId]),
        ),
        sent_at: now,
        lease_until: null,
        last_error: null,
        updated_at: now,
      });
      return items.map(() => now);
    },
    { max: BATCH_MAX, waitMs: BATCH_WAIT_MS },
  );

  async function callChannel(delivery: Delivery): Promise<ChannelResult> {
    if (delivery.channel === 'email') return email.send(delivery);
    return sms.send({
      to: delivery.recipient,
      text: delivery.body,
      reference: delivery.deliveryKey,
    });
  }

  /** Steps 2-4 for a row this worker claimed. */
  async function deliver(delivery: Delivery): Promise<void> {
    crash('after-claim', delivery);
    const owned = await marks.push(delivery);
    if (!owned) return; // The lease ran out and recovery took the row back: not ours any more.
    let result: ChannelResult;
    try {
      result = await callChannel(delivery);
    } catch (error) {
      await failed(delivery, error);
      return;
    }
    crash('after-send', delivery);
    const at = await sentWrites.push({ delivery, messageId: result.messageId });
    metrics.sent(delivery.channel, delivery.dueAt, at);
  }

  async function failed(delivery: Delivery, error: unknown): Promise<void> {
    const now = new Date();
    const final = delivery.attempts >= config.maxAttempts;
    const retryAt = new Date(now.getTime() + backoffMs(delivery.attempts, config.backoffBaseMs));
    await fenced(delivery).update({
      status: final ? 'failed' : 'pending',
      // A retry that would land in the quiet hours waits for the morning too.
      next_attempt_at: final
        ? now
        : delivery.channel === 'sms'
          ? smsSendableAt(retryAt, quietHoursOf(delivery.quietHours, config.quietHours))
          : retryAt,
      send_started_at: null,
      lease_until: null,
      last_error: `attempt ${delivery.attempts}: ${message(error)}`,
      updated_at: now,
    });
    metrics.failed(delivery.channel, final ? 'failed' : 'retry');
    if (!final) metrics.retried(delivery.channel, 'backoff');
    strapi.log.warn(
      `[reminders] delivery ${delivery.id} (${delivery.channel}) attempt ${delivery.attempts} failed${final ? ' for good' : ''}: ${message(error)}`,
    );
  }

  const track = async (work: Promise<void>) => {
    inFlight += 1;
    try {
      await work;
    } catch (error) {
      strapi.log.error(`[reminders] delivery step failed: ${message(error)}`);
    } finally {
      inFlight -= 1;
      if (inFlight === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  };

  // ── recovery of dead workers' claims ───────────────────────────────────────────────────
  async function recoverExpired(now = new Date()) {
    const requeued = (await knex()(TABLE)
      .where({ status: 'sending' })
      .andWhere('lease_until', '<', now)
      .whereNull('send_started_at')
      .update({
        status: 'pending',
        lease_until: null,
        next_attempt_at: now,
        last_error: 'claim expired before the provider call (worker stopped): sending again',
        updated_at: now,
      })
      .returning(['id', 'channel', 'next_attempt_at'])) as Array<Record<string, unknown>>;
    const unknown = (await knex()(TABLE)
      .where({ status: 'sending' })
      .andWhere('lease_until', '<', now)
      .whereNotNull('send_started_at')
      .update({
        status: 'unknown',
        lease_until: null,
        last_error:
          'worker stopped between the start of the provider call and the status write: the message may have been sent, so it is not sent again automatically; retry it from the admin panel if the owner did not get it',
        updated_at: now,
      })
      .returning(['id', 'channel'])) as Array<Record<string, unknown>>;
    for (const row of unknown) metrics.failed(row.channel as Channel, 'unknown');
    if (requeued.length || unknown.length) {
      strapi.log.warn(
        `[reminders] expired claims: ${requeued.length} back to pending, ${unknown.length} marked unknown`,
      );
    }
    return {
      requeued: requeued.map((row) => ({
        id: Number(row.id),
        channel: row.channel as Channel,
        nextAttemptAt: new Date(row.next_attempt_at as string),
      })),
      unknown: unknown.length,
    };
  }

  // ── the embedded drain (no Redis) ──────────────────────────────────────────────────────
  let drainTimer: NodeJS.Timeout | null = null;
  let draining = false;
  let wakeAgain = false;

  async function drainOnce(): Promise<number> {
    const batch = await claimBatch(config.concurrency);
    await Promise.all(batch.map((delivery) => track(deliver(delivery))));
    return batch.length;
  }

  async function drainLoop() {
    if (draining || stopped) {
      wakeAgain = true;
      return;
    }
    draining = true;
    try {
      do {
        wakeAgain = false;
        while (!stopped && (await drainOnce()) === config.concurrency);
      } while (wakeAgain && !stopped);
    } catch (error) {
      strapi.log.error(`[reminders] drain failed: ${message(error)}`);
    } finally {
      draining = false;
    }
  }

  const schedule = (ms: number) => {
    if (stopped) return;
    drainTimer = setTimeout(async () => {
      await drainLoop();
      schedule(IDLE_POLL_MS);
    }, ms);
  };

  // ── BullMQ (REDIS_URL set) ────────────────────────────────────────────────────────────
  let queue: Queue | null = null;
  let worker: Worker | null = null;
  const connections: Redis[] = [];
  const connect = (): ConnectionOptions => {
    const redis = new Redis(config.redisUrl!, { maxRetriesPerRequest: null });
    redis.on('error', (error) => strapi.log.warn(`[reminders] redis: ${error.message}`));
    connections.push(redis);
    return redis as unknown as ConnectionOptions;
  };

  async function addJobs(rows: WrittenDelivery[]) {
    if (!queue || rows.length === 0) return;
    const now = Date.now();
    for (let start = 0; start < rows.length; start += 1000) {
      await queue.addBulk(
        rows.slice(start, start + 1000).map((row) => ({
          name: 'deliver',
          data: { id: row.id },
          opts: {
            jobId: jobId(row.id),
            delay: Math.max(0, row.nextAttemptAt.getTime() - now),
            removeOnComplete: true,
            removeOnFail: true,
          },
        })),
      );
    }
  }

  /** Pending rows due for a while with no job working on them (Redis flushed, a retry due). */
  async function requeueStale(now = new Date()) {
    const rows = (await knex()(TABLE)
      .where({ status: 'pending' })
      .andWhere('next_attempt_at', '<=', new Date(now.getTime() - sweepMs()))
      .orderBy('next_attempt_at')
      .limit(config.batchSize)
      .select('id', 'channel', 'next_attempt_at')) as Array<Record<string, unknown>>;
    await addJobs(
      rows.map((row) => ({
        id: Number(row.id),
        channel: row.channel as Channel,
        nextAttemptAt: now,
      })),
    );
  }

  const sweepMs = () => Math.max(500, Math.min(Math.floor(config.leaseMs / 4), 15_000));
  let sweepTimer: NodeJS.Timeout | null = null;

  async function sweep() {
    try {
      const { requeued } = await recoverExpired();
      if (queue) {
        await addJobs(requeued);
        await requeueStale();
      } else if (requeued.length) {
        void drainLoop();
      }
    } catch (error) {
      strapi.log.warn(`[reminders] sweep failed: ${message(error)}`);
    }
  }

  return {
    mode: () => (config.redisUrl ? 'bullmq' : 'embedded'),

    start() {
      stopped = false;
      const prefix = config.queuePrefix;
      if (config.redisUrl) queue = new Queue(QUEUE, { connection: connect(), prefix });
      if (!config.workers) return;
      if (config.redisUrl) {
        worker = new Worker(
          QUEUE,
          async (job) => {
            const delivery = await claims.push(Number(job.data.id));
            if (delivery) await track(deliver(delivery));
          },
          {
            connection: connect(),
            prefix,
            concurrency: config.concurrency,
            // A dead worker's job comes back when our lease would have expired too; by then
            // the sweep has decided what its row may do (claim again or `unknown`).
            lockDuration: config.leaseMs,
            stalledInterval: sweepMs(),
          },
        );
        worker.on('error', (error) => strapi.log.warn(`[reminders] worker: ${error.message}`));
      } else {
        schedule(0);
      }
      const loop = () => {
        sweepTimer = setTimeout(async () => {
          await sweep();
          if (!stopped) loop();
        }, sweepMs());
      };
      loop();
    },

    /** Rows just written (tick, enqueue, retry): queue them, or wake the drain. */
    async notify(rows: WrittenDelivery[]) {
      if (rows.length === 0) return;
      if (queue) await addJobs(rows);
      else if (config.workers) void drainLoop();
    },

    sweep,
    recoverExpired,
    claimBatch,
    claimOne,
    deliver: (delivery: Delivery) => track(deliver(delivery)),

    /** Test hook: exit the process at this point of the next delivery whose key starts so. */
    setCrashPoint(point: CrashPoint | null, keyPrefix = '') {
      crashAt = point ? { point, keyPrefix } : null;
    },

    async stop() {
      stopped = true;
      if (drainTimer) clearTimeout(drainTimer);
      if (sweepTimer) clearTimeout(sweepTimer);
      await worker?.close();
      if (inFlight > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
      await queue?.close();
      for (const redis of connections) redis.disconnect();
      connections.length = 0;
      queue = null;
      worker = null;
      email.close();
      sms.close?.();
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
