import type { Core } from '@strapi/strapi';
import { entryHash, GENESIS_HASH } from './chain';
import { entryTable } from './table';

export type VerifyResult =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: number; reason: string };

const PAGE = 1000;

/**
 * Walks the chain from the oldest remaining row. The oldest row must link to the genesis hash
 * or to the anchor a retention run recorded; every row must hash to its stored hash and link
 * to the row before it.
 */
export async function verifyChain(strapi: Core.Strapi): Promise<VerifyResult> {
  const table = entryTable(strapi);
  const knex = strapi.db.connection;
  const anchors = new Set<string>([GENESIS_HASH]);
  let prev: string | null = null;
  let rows = 0;
  let after = 0;
  for (;;) {
    const page = await knex(table.name)
      .select('*')
      .where(table.columns.id, '>', after)
      .orderBy(table.columns.id, 'asc')
      .limit(PAGE);
    if (page.length === 0) break;
    for (const raw of page) {
      const { id, hash, prevHash, ...fields } = table.fromRow(raw);
      after = id;
      if (prev === null && !anchors.has(prevHash) && !(await isRecordedAnchor(strapi, prevHash))) {
        return {
          ok: false,
          rows,
          brokenAt: id,
          reason:
            'the oldest row links to no known anchor (rows before it were removed outside retention)',
        };
      }
      if (prev !== null && prevHash !== prev) {
        return {
          ok: false,
          rows,
          brokenAt: id,
          reason:
            "links to a hash that is not the previous row's (a row before it was removed or changed)",
        };
      }
      if (entryHash(fields, prevHash) !== hash) {
        return {
          ok: false,
          rows,
          brokenAt: id,
          reason: 'its content does not match its hash (edited after it was written)',
        };
      }
      prev = hash;
      rows += 1;
    }
  }
  return { ok: true, rows };
}

/** Retention entries record the hash the first surviving row links to. */
async function isRecordedAnchor(strapi: Core.Strapi, hash: string) {
  const table = entryTable(strapi);
  const found = await strapi.db
    .connection(table.name)
    .where(table.columns.action, 'audit.prune')
    .select(table.columns.diff);
  return found.some((row: Record<string, unknown>) => {
    const raw = row[table.columns.diff];
    const diff = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
      anchorHash?: string;
    } | null;
    return diff?.anchorHash === hash;
  });
}
