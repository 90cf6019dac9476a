import type { Core } from '@strapi/strapi';
import { PRUNE_LOCK } from './constants';
import { entryTable } from './table';
import type { AuditWriter } from './writer';

export type PruneResult =
  | { pruned: number; before: string; anchorHash: string | null }
  | { skipped: 'disabled' | 'another instance is pruning' };

const DAY = 24 * 60 * 60 * 1000;

/**
 * Deletes the rows older than `retentionDays` and appends one `audit.prune` entry naming how
 * many went and the hash the oldest surviving row links to, all in one transaction. Only the
 * instance holding the prune lock runs it; the others skip.
 */
export async function pruneExpired(
  strapi: Core.Strapi,
  writer: AuditWriter,
  { retentionDays, now = new Date() }: { retentionDays: number; now?: Date },
): Promise<PruneResult> {
  if (retentionDays <= 0) return { skipped: 'disabled' };
  const table = entryTable(strapi);
  const { id, createdAt, hash } = table.columns;
  const cutoff = new Date(now.getTime() - retentionDays * DAY);
  await writer.flush();
  return strapi.db.connection.transaction(async (trx) => {
    if (table.isPostgres) {
      const { rows } = await trx.raw('SELECT pg_try_advisory_xact_lock(?) AS locked', [PRUNE_LOCK]);
      if (!rows[0].locked) return { skipped: 'another instance is pruning' as const };
    }
    // The chain is contiguous by id: prune everything up to the newest expired row, so the
    // survivors still link one to the next. The newest row is never pruned: it anchors appends.
    const newest = await trx(table.name).max({ id }).first();
    const last = await trx(table.name)
      .where(createdAt, '<', cutoff)
      .andWhere(id, '<', newest?.id ?? 0)
      .orderBy(id, 'desc')
      .select(id, hash)
      .first();
    const pruned = last ? Number(await trx(table.name).where(id, '<=', last[id]).del()) : 0;
    const anchorHash = last ? (last[hash] as string) : null;
    await writer.appendNow(trx, [
      {
        actorKind: 'system',
        actorId: null,
        actorName: 'retention',
        action: 'audit.prune',
        contentType: 'plugin::audit-log.entry',
        targetDocumentId: null,
        targetLocale: null,
        diff: { pruned, before: cutoff.toISOString(), retentionDays, anchorHash },
        ip: null,
        userAgent: null,
      },
    ]);
    return { pruned, before: cutoff.toISOString(), anchorHash };
  });
}
