import type { Core } from '@strapi/strapi';
import { getCatalogService } from '../catalog/services';
import { reminderMessage, type MessageLocale } from './messages/reminder-message';
import { nepalToday } from './rules/calendar';
import { reminderConfig } from './reminder-config';
import { loadOwners, ownerLocale, recipientOf, type NoticeRecipient } from './recipients';
import { dayOf, REMINDERS_TABLE, type ReminderRow } from './reminder-rows';
import { reminderName } from './services/reminder-views';

/** What the delivery engine (plugin `reminders`) is handed per occurrence; its contract. */
export interface DueNotice {
  /** `reminder:<documentId>:<occurrence>`: one per occurrence, whatever the channel. */
  key: string;
  ownerId: number;
  /** When the occurrence reached its notification point (ISO). */
  dueAt: string;
  recipient: NoticeRecipient;
  message: {
    email: { subject: string; text: string; html: string };
    sms: { text: string };
  };
}

export interface NoticeSource {
  name: string;
  due(now: Date, limit: number): Promise<DueNotice[]>;
  handedOver(keys: string[], now: Date): Promise<void>;
}

/**
 * How long an occurrence `due()` returned stays out of other callers' answers while its
 * caller hands it over. A caller that dies in between has it returned again after this:
 * at least once, and the engine's unique delivery key makes that once.
 */
export const CLAIM_SECONDS = 60;

const KEY = /^reminder:([^:]+):(\d+)$/;
export const noticeKey = (documentId: string, occurrence: number) =>
  `reminder:${documentId}:${occurrence}`;

interface DueRow {
  id: number;
  document_id: string;
  owner_id: number;
  vehicle_id: string | null;
  kind: string;
  title: string | null;
  document_kind: string | null;
  due_date: string | Date | null;
  due_km: number | null;
  occurrence: number;
  notify_at: string | Date | number | null;
  updated_at: string | Date | number;
}

interface VehicleRow {
  document_id: string;
  nickname: string | null;
  model_id: string;
  registration_number: string | null;
}

const DUE_COLUMNS = [
  'id',
  'document_id',
  'owner_id',
  'vehicle_id',
  'kind',
  'title',
  'document_kind',
  'due_date',
  'due_km',
  'occurrence',
  'notify_at',
  'updated_at',
];

/**
 * The occurrences that reached their notification point, were not handed over and are not
 * claimed: by date (`notify_at`, stored when the due point is written) or by km (the
 * vehicle's odometer at `notify_km`); snoozed ones only once their day has come. Served by
 * the partial indexes of indexes.ts.
 */
const PENDING_WHERE = `
  r.notified_occurrence < r.occurrence
  AND r.status IN ('active', 'snoozed')
  AND (r.status = 'active' OR r.snoozed_until <= ?)
  AND (r.claimed_until IS NULL OR r.claimed_until < ?)`;
const DUE_WHERE = `${PENDING_WHERE}
  AND (r.notify_at <= ? OR (r.notify_km IS NOT NULL AND v.odometer_km >= r.notify_km))`;

const instant = (value: string | Date | number | null) =>
  value === null
    ? null
    : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

/**
 * The reminders domain as a source of the delivery engine: `due()` claims up to `limit`
 * occurrences in one statement (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so concurrent callers
 * split the work), then reads their owners and vehicles in one query each.
 */
export function createReminderSource(strapi: Core.Strapi): NoticeSource {
  const knex = () => strapi.db.connection;
  const postgres = () => strapi.db.dialect.client === 'postgres';

  async function claim(now: Date, limit: number): Promise<DueRow[]> {
    const today = nepalToday(now);
    const until = new Date(now.getTime() + CLAIM_SECONDS * 1000);
    if (postgres()) {
      // Two claims, each one statement of the same safe shape (UPDATE … WHERE id IN (SELECT …
      // FOR UPDATE SKIP LOCKED)): the dates due, walking reminders_pending_date_idx in
      // notify_at order and stopping at `limit`; then, if room is left, the km reached (date
      // not). The one OR'ed query they replace could use no index: it read, joined and sorted
      // every pending reminder on each call (~0.5 s a call at 100,000 pending).
      const byDate = (
        await knex().raw(
          `UPDATE ${REMINDERS_TABLE} SET claimed_until = ?
         WHERE id IN (
           SELECT r.id FROM ${REMINDERS_TABLE} r
           WHERE ${PENDING_WHERE} AND r.notify_at <= ?
           ORDER BY r.notify_at, r.id LIMIT ? FOR UPDATE OF r SKIP LOCKED)
         RETURNING ${DUE_COLUMNS.join(', ')}`,
          [until, today, now, now, limit],
        )
      ).rows as DueRow[];
      if (byDate.length >= limit) return byDate;
      const byKm = (
        await knex().raw(
          `UPDATE ${REMINDERS_TABLE} SET claimed_until = ?
         WHERE id IN (
           SELECT r.id FROM ${REMINDERS_TABLE} r
           JOIN vehicles v ON v.document_id = r.vehicle_id
           WHERE ${PENDING_WHERE} AND r.notify_km IS NOT NULL AND v.odometer_km >= r.notify_km
             AND (r.notify_at IS NULL OR r.notify_at > ?)
           ORDER BY COALESCE(r.notify_at, r.updated_at), r.id LIMIT ? FOR UPDATE OF r SKIP LOCKED)
         RETURNING ${DUE_COLUMNS.join(', ')}`,
          [until, today, now, now, limit - byDate.length],
        )
      ).rows as DueRow[];
      return [...byDate, ...byKm];
    }
    // SQLite (the embedded default) has one writer at a time: select, then claim.
    const select = `SELECT r.id FROM ${REMINDERS_TABLE} r
      LEFT JOIN vehicles v ON v.document_id = r.vehicle_id
      WHERE ${DUE_WHERE}
      ORDER BY COALESCE(r.notify_at, r.updated_at), r.id
      LIMIT ?`;
    const bindings = [today, now, now, limit];
    return knex().transaction(async (trx) => {
      const ids = ((await trx.raw(select, bindings)) as Array<{ id: number }>).map((row) => row.id);
      if (ids.length === 0) return [];
      await trx(REMINDERS_TABLE).whereIn('id', ids).update({ claimed_until: until });
      return trx(REMINDERS_TABLE).whereIn('id', ids).select(DUE_COLUMNS) as Promise<DueRow[]>;
    });
  }

  /** Make and model names per model and language; the catalog service caches them. */
  async function makeModelNames(pairs: Array<[string, MessageLocale]>) {
    const names = new Map<string, string | null>();
    const catalog = getCatalogService(strapi, 'catalog');
    for (const [modelId, locale] of pairs) {
      const key = `${modelId}:${locale}`;
      if (names.has(key)) continue;
      const model = await catalog.model(modelId, locale).catch(() => null);
      names.set(key, model ? `${model.make.name} ${model.name}` : null);
    }
    return names;
  }

  async function handedOver(keys: string[]): Promise<void> {
    const latest = new Map<string, number>();
    for (const key of keys) {
      const match = KEY.exec(key);
      if (!match) continue;
      latest.set(match[1], Math.max(latest.get(match[1]) ?? 0, Number(match[2])));
    }
    if (latest.size === 0) return;
    if (postgres()) {
      // Idempotent: the watermark only moves forward. The keys are varchar like the column,
      // so each reminder is found through its document_id index (as text, the planner
      // hashed the whole table for every batch).
      await knex().raw(
        `UPDATE ${REMINDERS_TABLE} r
         SET notified_occurrence = GREATEST(r.notified_occurrence, v.occurrence), claimed_until = NULL
         FROM (SELECT unnest(?::varchar[]) AS document_id, unnest(?::int[]) AS occurrence) v
         WHERE r.document_id = v.document_id`,
        [[...latest.keys()], [...latest.values()]],
      );
      return;
    }
    await knex().transaction(async (trx) => {
      for (const [documentId, occurrence] of latest) {
        await trx(REMINDERS_TABLE)
          .where({ document_id: documentId })
          .update({
            notified_occurrence: trx.raw('MAX(notified_occurrence, ?)', [occurrence]),
            claimed_until: null,
          });
      }
    });
  }

  return {
    name: 'reminder',

    async due(now: Date, limit: number): Promise<DueNotice[]> {
      const claimed = await claim(now, limit);
      if (claimed.length === 0) return [];
      claimed.sort(
        (a, b) =>
          (instant(a.notify_at) ?? instant(a.updated_at)!).getTime() -
            (instant(b.notify_at) ?? instant(b.updated_at)!).getTime() || a.id - b.id,
      );
      const ownerIds = [...new Set(claimed.map((row) => row.owner_id))];
      const vehicleIds = [
        ...new Set(claimed.flatMap((row) => (row.vehicle_id ? [row.vehicle_id] : []))),
      ];
      const [owners, vehicles] = await Promise.all([
        loadOwners(strapi, ownerIds),
        vehicleIds.length === 0
          ? Promise.resolve([] as VehicleRow[])
          : (knex()('vehicles')
              .whereIn('document_id', vehicleIds)
              .select('document_id', 'nickname', 'model_id', 'registration_number') as Promise<
              VehicleRow[]
            >),
      ]);
      const ownerById = new Map(owners.map((owner) => [owner.id, owner]));
      const vehicleById = new Map(vehicles.map((vehicle) => [vehicle.document_id, vehicle]));
      const localeOf = ownerLocale;
      const names = await makeModelNames(
        claimed.flatMap((row) => {
          const owner = ownerById.get(row.owner_id);
          const vehicle = row.vehicle_id ? vehicleById.get(row.vehicle_id) : undefined;
          return owner && vehicle
            ? [[vehicle.model_id, localeOf(owner)] as [string, MessageLocale]]
            : [];
        }),
      );
      const { portalUrl } = reminderConfig();

      const notices: DueNotice[] = [];
      const unreachable: string[] = [];
      for (const row of claimed) {
        const key = noticeKey(row.document_id, row.occurrence);
        const owner = ownerById.get(row.owner_id);
        if (!owner || owner.blocked) {
          // Nobody to tell: handed over at once rather than claimed again and again.
          unreachable.push(key);
          continue;
        }
        const locale = localeOf(owner);
        const vehicle = row.vehicle_id ? vehicleById.get(row.vehicle_id) : undefined;
        const dueDate = dayOf(row.due_date);
        const message = reminderMessage({
          locale,
          vehicle: vehicle
            ? {
                nickname: vehicle.nickname,
                makeModel: names.get(`${vehicle.model_id}:${locale}`) ?? null,
                registrationNumber: vehicle.registration_number,
              }
            : null,
          what: reminderName(
            { kind: row.kind, title: row.title, documentKind: row.document_kind } as ReminderRow,
            locale,
          ),
          dueDate,
          dueKm: row.due_km,
          portalUrl,
          vehicleId: vehicle ? vehicle.document_id : null,
        });
        const notifyAt = instant(row.notify_at);
        notices.push({
          key,
          ownerId: owner.id,
          dueAt: (notifyAt && notifyAt <= now ? notifyAt : now).toISOString(),
          recipient: recipientOf(owner),
          message: { email: message.email, sms: { text: message.sms.text } },
        });
      }
      if (unreachable.length > 0) await handedOver(unreachable);
      return notices;
    },

    async handedOver(keys: string[]): Promise<void> {
      await handedOver(keys);
    },
  };
}

/** Hands the source to the delivery engine, when the `reminders` plugin is installed. */
export function registerReminderSource(strapi: Core.Strapi): void {
  const plugin = (() => {
    try {
      return strapi.plugin('reminders');
    } catch {
      return undefined;
    }
  })();
  if (!plugin) return;
  (plugin.service('sources') as { register(source: NoticeSource): void }).register(
    createReminderSource(strapi),
  );
}
