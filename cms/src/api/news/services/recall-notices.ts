import type { Core } from '@strapi/strapi';
import { getCatalogService } from '../../catalog/services';
import type { DueNotice } from '../../reminder/reminder-source';
import { loadOwners, ownerLocale, recipientOf, unreachable } from '../../reminder/recipients';
import { reminderConfig } from '../../reminder/reminder-config';
import { VEHICLE_UID } from '../../vehicle/owned-vehicles';
import { FALLBACK_LOCALE } from '../news-uids';
import { recallMessage } from '../rules/recall-message';
import type { PublishedRecall } from './recall-reader';

/** Matching vehicles read and handed to the outbox per round. */
export const RECALL_NOTICE_CHUNK = 500;

export const recallNoticeKey = (recallId: string, vehicleId: string) =>
  `recall:${recallId}:${vehicleId}`;

interface VehicleRow {
  id: number;
  document_id: string;
  owner_id: number;
  model_id: string;
  nickname: string | null;
  registration_number: string;
}

interface Outbox {
  enqueue(notices: DueNotice[], source: string): Promise<{ written: number }>;
}

/**
 * Tells the owner of every vehicle a published recall matches, once per vehicle, through
 * the reminders plugin's outbox (key `recall:<recall>:<vehicle>`: its unique key per key and
 * channel makes a re-publish, another locale's publish or a retry write nothing new). Runs
 * after the publish has committed, apart from the request, in chunks of
 * {@link RECALL_NOTICE_CHUNK} vehicles (keyset on the vehicle id).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const running = new Set<Promise<unknown>>();
  const reader = () =>
    strapi.service('api::news.recall-reader') as ReturnType<
      typeof import('./recall-reader').default
    >;

  const outbox = (): Outbox | null => {
    try {
      return strapi.plugin('reminders').service('outbox') as Outbox;
    } catch {
      return null;
    }
  };

  async function makeModelName(modelId: string, locale: string, cache: Map<string, string | null>) {
    const key = `${modelId}:${locale}`;
    if (!cache.has(key)) {
      const model = await getCatalogService(strapi, 'catalog')
        .model(modelId, locale)
        .catch(() => null);
      cache.set(key, model ? `${model.make.name} ${model.name}` : null);
    }
    return cache.get(key) ?? null;
  }

  /** Notices for every matching vehicle; resolves with how many notices were handed over. */
  async function notify(recallId: string): Promise<{ vehicles: number; written: number }> {
    const box = outbox();
    const versions = await reader().everyLocale(recallId);
    const target = versions.get(FALLBACK_LOCALE) ?? [...versions.values()][0];
    if (!box || !target?.makeId || target.yearFrom === null || target.yearTo === null) {
      return { vehicles: 0, written: 0 };
    }
    const { tableName } = strapi.db.metadata.get(VEHICLE_UID);
    const { portalUrl } = reminderConfig();
    const names = new Map<string, string | null>();
    let afterId = 0;
    let vehicles = 0;
    let written = 0;
    for (;;) {
      const query = strapi.db
        .connection(tableName)
        .select('id', 'document_id', 'owner_id', 'model_id', 'nickname', 'registration_number')
        .where('make_id', target.makeId)
        .whereBetween('year', [target.yearFrom, target.yearTo])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(RECALL_NOTICE_CHUNK);
      if (target.modelId) query.where('model_id', target.modelId);
      const rows = (await query) as VehicleRow[];
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1].id;
      vehicles += rows.length;
      const owners = new Map(
        (await loadOwners(strapi, [...new Set(rows.map((row) => row.owner_id))])).map((owner) => [
          owner.id,
          owner,
        ]),
      );
      const now = new Date().toISOString();
      const notices: DueNotice[] = [];
      for (const row of rows) {
        const owner = owners.get(row.owner_id);
        if (unreachable(owner)) continue;
        const locale = ownerLocale(owner);
        const recall: PublishedRecall = versions.get(locale) ?? target;
        const name = row.nickname ?? (await makeModelName(row.model_id, locale, names));
        const vehicle = name ? `${name} (${row.registration_number})` : row.registration_number;
        const message = recallMessage({
          locale,
          title: recall.title,
          summary: recall.summary,
          remedy: recall.remedy,
          campaignId: target.campaignId,
          severity: target.severity,
          vehicle,
          portalUrl,
        });
        notices.push({
          key: recallNoticeKey(target.id, row.document_id),
          ownerId: owner.id,
          dueAt: now,
          recipient: recipientOf(owner),
          message,
        });
      }
      if (notices.length > 0) written += (await box.enqueue(notices, 'recalls')).written;
      if (rows.length < RECALL_NOTICE_CHUNK) break;
    }
    return { vehicles, written };
  }

  return {
    notify,

    /**
     * Starts {@link notify} without waiting for it: a publish answers at once whatever the
     * number of vehicles. A failure is logged; publishing again resumes safely.
     */
    start(recallId: string): void {
      const started = Date.now();
      const job = notify(recallId)
        .then(({ vehicles, written }) =>
          strapi.log.info('recall notices queued', {
            recallId,
            vehicles,
            written,
            ms: Date.now() - started,
          }),
        )
        .catch((error: Error) =>
          strapi.log.error('recall notices failed; publish the recall again to resume', {
            recallId,
            error: error.message,
          }),
        )
        .finally(() => running.delete(job));
      running.add(job);
    },

    /** Resolves once every started fan-out has ended (tests, shutdown). */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
};
