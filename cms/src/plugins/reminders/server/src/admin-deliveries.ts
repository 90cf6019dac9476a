import type { Core } from '@strapi/strapi';
import { CHANNELS, STATUSES, TABLE } from './constants';
import { runtime } from './runtime';
import { fromRow } from './table';
import { quietHoursOf, smsSendableAt } from './time';
import type { Delivery } from './types';

export interface DeliveryFilters {
  status?: (typeof STATUSES)[number];
  channel?: (typeof CHANNELS)[number];
  ownerId?: number;
}

export type RetryOutcome =
  | { ok: true; delivery: Delivery }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'not-retryable'; status: string };

interface AuditLike {
  record(entry: Record<string, unknown>): Promise<void> | void;
}

/** The admin page's reads and its one write (retry), all on the outbox table. */
export function deliveriesService(strapi: Core.Strapi) {
  const knex = () => strapi.db.connection;
  const filtered = (filters: DeliveryFilters) => {
    const query = knex()(TABLE);
    if (filters.status) query.where('status', filters.status);
    if (filters.channel) query.where('channel', filters.channel);
    if (filters.ownerId) query.where('owner_id', filters.ownerId);
    return query;
  };
  return {
    async list(filters: DeliveryFilters, page: number, pageSize: number) {
      const [{ count }] = (await filtered(filters).count({ count: '*' })) as Array<{
        count: string;
      }>;
      const rows = await filtered(filters)
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .select('*');
      const total = Number(count);
      return {
        results: rows.map(fromRow),
        pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
      };
    },

    async findOne(id: number): Promise<Delivery | null> {
      const row = await knex()(TABLE).where({ id }).first();
      return row ? fromRow(row) : null;
    },

    /**
     * Puts a failed or unknown delivery back in the queue (attempts start again) and writes
     * an audit entry naming the admin: an `unknown` row may already have reached the owner,
     * so sending it again is a person's decision, on record.
     */
    async retry(
      id: number,
      actor: {
        id: string | null;
        name: string | null;
        ip: string | null;
        userAgent: string | null;
      },
    ): Promise<RetryOutcome> {
      const now = new Date();
      const before = await knex()(TABLE).where({ id }).first();
      if (!before) return { ok: false, reason: 'not-found' };
      const { dispatcher, metrics, config } = runtime(strapi);
      // An SMS retried at night is held until the quiet hours end, like any other.
      const sendAt =
        before.channel === 'sms'
          ? smsSendableAt(now, quietHoursOf(before.quiet_hours, config.quietHours))
          : now;
      const rows = (await knex()(TABLE)
        .where({ id })
        .whereIn('status', ['failed', 'unknown'])
        .update({
          status: 'pending',
          attempts: 0,
          next_attempt_at: sendAt,
          lease_until: null,
          send_started_at: null,
          updated_at: now,
        })
        .returning('*')) as Array<Record<string, unknown>>;
      if (!rows[0]) return { ok: false, reason: 'not-retryable', status: before.status };
      const delivery = fromRow(rows[0]);
      metrics.retried(delivery.channel, 'admin');
      const audit = strapi.plugin('audit-log')?.service('log') as AuditLike | undefined;
      await audit?.record({
        actorKind: 'admin',
        actorId: actor.id,
        actorName: actor.name,
        action: 'reminder-delivery.retry',
        contentType: 'plugin::reminders.delivery',
        targetDocumentId: String(id),
        targetLocale: null,
        diff: {
          status: { before: before.status, after: 'pending' },
          attempts: { before: Number(before.attempts), after: 0 },
          lastError: { before: before.last_error ?? null },
        },
        ip: actor.ip,
        userAgent: actor.userAgent,
      });
      await dispatcher.notify([{ id, channel: delivery.channel, nextAttemptAt: sendAt }]);
      return { ok: true, delivery };
    },
  };
}
