import type { Core } from '@strapi/strapi';
import { parse } from 'csv-parse/sync';
import { InvalidField } from '../../../lib/errors';
import { getCatalogService } from '../../catalog/services';
import {
  FALLBACK_LOCALE,
  NEWS_UID,
  RECALL_SEVERITIES,
  RECALL_UID,
  type RecallSeverity,
} from '../news-uids';
import { textToBlocks } from '../rules/blocks-html';
import { isHttpUrl, recallProblems, tagProblems, type Problem } from '../rules/content-rules';

export const IMPORT_KINDS = ['news', 'recalls'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The columns of each kind's CSV; `*_ne` are the Nepali texts (optional). */
export const IMPORT_COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  news: {
    required: ['title_en'],
    optional: [
      'slug',
      'title_ne',
      'summary_en',
      'summary_ne',
      'body_en',
      'body_ne',
      'tags',
      'publish',
    ],
  },
  recalls: {
    required: ['campaign_id', 'title_en', 'make', 'year_from', 'year_to', 'severity'],
    optional: [
      'title_ne',
      'summary_en',
      'summary_ne',
      'remedy_en',
      'remedy_ne',
      'model',
      'source_url',
      'tags',
      'publish',
    ],
  },
};

export const UID_OF_KIND: Record<ImportKind, string> = { news: NEWS_UID, recalls: RECALL_UID };

/** At most this many rows per file: an import is one request. */
export const MAX_IMPORT_ROWS = 2000;

export interface ImportReport {
  kind: ImportKind;
  created: number;
  published: number;
  rejected: Array<{ line: number; errors: Array<{ column: string; message: string }> }>;
}

type Row = Record<string, string>;

/** What the import asks of the Document Service, for either content type. */
interface DraftWriter {
  create(params: {
    locale: string;
    data: Record<string, unknown>;
  }): Promise<{ documentId: string }>;
  update(params: {
    documentId: string;
    locale: string;
    data: Record<string, unknown>;
  }): Promise<unknown>;
  publish(params: { documentId: string; locale: string }): Promise<unknown>;
}
type Localised = { en: Record<string, unknown>; ne: Record<string, unknown> | null };
interface Prepared {
  shared: Record<string, unknown>;
  texts: Localised;
  publish: boolean;
  key: string;
}

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');

const fold = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Reads a CSV's records with the line each starts on. */
function records(csv: string): Array<{ line: number; row: Row }> {
  try {
    const parsed = parse(csv.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      raw: true,
      relax_column_count: false,
    }) as Array<{ record: Row; info: { lines: number }; raw: string }>;
    return parsed.map(({ record, info, raw }) => ({
      line: info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0),
      row: record,
    }));
  } catch (error) {
    throw new InvalidField('file', `is not a readable CSV: ${(error as Error).message}`);
  }
}

/**
 * Imports news articles or recalls from a CSV (header row; columns in IMPORT_COLUMNS). Every
 * row is checked whole first and every reason reported by column; a good row is written
 * (English, Nepali when given, published when `publish` says yes) in one transaction of its
 * own, so a bad row writes nothing and never stops the good ones.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const catalog = () => getCatalogService(strapi, 'catalog');

  function checkHeader(kind: ImportKind, columns: string[]) {
    const { required, optional } = IMPORT_COLUMNS[kind];
    const unknown = columns.filter(
      (column) => !required.includes(column) && !optional.includes(column),
    );
    if (unknown.length > 0) {
      throw new InvalidField(
        'file',
        `has columns this import does not know: ${unknown.join(', ')}`,
      );
    }
    const missing = required.filter((column) => !columns.includes(column));
    if (missing.length > 0) {
      throw new InvalidField('file', `lacks required columns: ${missing.join(', ')}`);
    }
  }

  function text(row: Row, column: string, max: number, problems: Problem[], required = false) {
    const value = row[column] ?? '';
    if (value === '') {
      if (required) problems.push({ field: column, message: 'is required' });
      return null;
    }
    if (value.length > max) problems.push({ field: column, message: `at most ${max} characters` });
    return value;
  }

  function publishOf(row: Row, problems: Problem[]) {
    const value = fold(row.publish ?? '');
    if (['', 'no', 'false', '0', 'draft'].includes(value)) return false;
    if (['yes', 'true', '1', 'publish'].includes(value)) return true;
    problems.push({ field: 'publish', message: 'must be yes or no' });
    return false;
  }

  function tagsOf(row: Row, problems: Problem[]) {
    const tags = (row.tags ?? '')
      .split('|')
      .map((tag) => tag.trim().toLowerCase())
      .filter(Boolean);
    problems.push(...tagProblems(tags));
    return tags;
  }

  /**
   * The Nepali texts, when any is given: then the Nepali title is required, and a Nepali
   * column left empty takes the English text (the Nepali version is whole; the API falls
   * back per article, not per field).
   */
  function nepali(row: Row, columns: Array<[string, string, number]>, problems: Problem[]) {
    const given = columns.some(([column]) => (row[column] ?? '') !== '');
    if (!given) return null;
    const values: Record<string, unknown> = {};
    for (const [column, field, max] of columns) {
      values[field] =
        text(row, column, max, problems, column === 'title_ne') ??
        (column === 'title_ne' ? null : text(row, column.replace(/_ne$/, '_en'), max, []));
    }
    return values;
  }

  function year(row: Row, column: string, problems: Problem[]) {
    const value = row[column] ?? '';
    if (value === '') {
      problems.push({ field: column, message: 'is required' });
      return null;
    }
    const parsed = Number(value);
    if (!/^\d{4}$/.test(value) || parsed < 1950 || parsed > 2100) {
      problems.push({ field: column, message: 'must be a year from 1950 to 2100' });
      return null;
    }
    return parsed;
  }

  async function prepareNews(row: Row, problems: Problem[], taken: Set<string>): Promise<Prepared> {
    const title = text(row, 'title_en', 200, problems, true);
    const givenSlug = row.slug ?? '';
    const slug = givenSlug || (title ? slugOf(title) : '');
    if (givenSlug && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(givenSlug)) {
      problems.push({
        field: 'slug',
        message: 'must be lower-case letters and digits joined by hyphens',
      });
    } else if (slug && taken.has(slug)) {
      problems.push({
        field: givenSlug ? 'slug' : 'title_en',
        message: `slug "${slug}" is already used`,
      });
    } else if (!slug && title) {
      problems.push({ field: 'slug', message: 'is required when the title gives no slug' });
    }
    const summary = text(row, 'summary_en', 500, problems);
    const body = text(row, 'body_en', 20_000, problems);
    const ne = nepali(
      row,
      [
        ['title_ne', 'title', 200],
        ['summary_ne', 'summary', 500],
        ['body_ne', 'body', 20_000],
      ],
      problems,
    );
    if (ne) ne.body = ne.body ? textToBlocks(ne.body as string) : null;
    return {
      key: slug,
      shared: { slug, tags: tagsOf(row, problems) },
      texts: { en: { title, summary, body: body ? textToBlocks(body) : null }, ne },
      publish: publishOf(row, problems),
    };
  }

  async function prepareRecall(
    row: Row,
    problems: Problem[],
    taken: Set<string>,
  ): Promise<Prepared> {
    const campaignId = text(row, 'campaign_id', 60, problems, true);
    if (campaignId && taken.has(fold(campaignId))) {
      problems.push({ field: 'campaign_id', message: `"${campaignId}" is already used` });
    }
    const title = text(row, 'title_en', 200, problems, true);
    const summary = text(row, 'summary_en', 1000, problems);
    const remedy = text(row, 'remedy_en', 2000, problems);
    const ne = nepali(
      row,
      [
        ['title_ne', 'title', 200],
        ['summary_ne', 'summary', 1000],
        ['remedy_ne', 'remedy', 2000],
      ],
      problems,
    );
    let makeId: string | null = null;
    let modelId: string | null = null;
    const makeName = row.make ?? '';
    if (makeName === '') {
      problems.push({ field: 'make', message: 'is required' });
    } else {
      const makes = [...(await catalog().makes('en')), ...(await catalog().makes('ne'))];
      const make = makes.find(
        (item) => item.slug === fold(makeName) || fold(item.name) === fold(makeName),
      );
      if (!make)
        problems.push({ field: 'make', message: `"${makeName}" is not a make of the catalog` });
      makeId = make?.id ?? null;
    }
    const modelName = row.model ?? '';
    if (modelName !== '' && makeId) {
      const models = [
        ...(await catalog().modelsOfMake(makeId, 'en')),
        ...(await catalog()
          .modelsOfMake(makeId, 'ne')
          .catch(() => [])),
      ];
      const model = models.find(
        (item) => item.slug === fold(modelName) || fold(item.name) === fold(modelName),
      );
      if (!model)
        problems.push({ field: 'model', message: `"${modelName}" is not a model of ${makeName}` });
      modelId = model?.id ?? null;
    }
    const yearFrom = year(row, 'year_from', problems);
    const yearTo = year(row, 'year_to', problems);
    const severity = fold(row.severity ?? '');
    if (severity === '') problems.push({ field: 'severity', message: 'is required' });
    else if (!(RECALL_SEVERITIES as readonly string[]).includes(severity)) {
      problems.push({
        field: 'severity',
        message: `must be one of ${RECALL_SEVERITIES.join(', ')}`,
      });
    }
    const sourceUrl = text(row, 'source_url', 500, problems);
    if (sourceUrl && !isHttpUrl(sourceUrl)) {
      problems.push({ field: 'source_url', message: 'must be an http(s) URL' });
    }
    const rules = recallProblems({ yearFrom, yearTo });
    problems.push(...rules.map((problem) => ({ ...problem, field: 'year_to' })));
    return {
      key: campaignId ? fold(campaignId) : '',
      shared: {
        campaignId,
        yearFrom,
        yearTo,
        severity: severity as RecallSeverity,
        sourceUrl,
        tags: tagsOf(row, problems),
        make: makeId,
        model: modelId,
      },
      texts: { en: { title, summary, remedy }, ne },
      publish: publishOf(row, problems),
    };
  }

  async function takenKeys(kind: ImportKind): Promise<Set<string>> {
    const uid = UID_OF_KIND[kind];
    const { tableName } = strapi.db.metadata.get(uid);
    const column = kind === 'news' ? 'slug' : 'campaign_id';
    const rows = (await strapi.db.connection(tableName).distinct(column)) as Array<
      Record<string, string>
    >;
    return new Set(rows.map((row) => (kind === 'news' ? row[column] : fold(row[column]))));
  }

  async function write(kind: ImportKind, prepared: Prepared): Promise<void> {
    // One shape for both kinds: the fields were checked above, row by row.
    const documents = strapi.documents(
      UID_OF_KIND[kind] as 'api::news.news',
    ) as unknown as DraftWriter;
    await strapi.db.transaction(async () => {
      const created = await documents.create({
        locale: FALLBACK_LOCALE,
        data: { ...prepared.shared, ...prepared.texts.en },
      });
      if (prepared.texts.ne) {
        await documents.update({
          documentId: created.documentId,
          locale: 'ne',
          data: { ...prepared.shared, ...prepared.texts.ne },
        });
      }
      if (prepared.publish) {
        for (const locale of prepared.texts.ne ? [FALLBACK_LOCALE, 'ne'] : [FALLBACK_LOCALE]) {
          await documents.publish({ documentId: created.documentId, locale });
        }
      }
    });
  }

  const checkKind = (kind: string): ImportKind => {
    if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
      throw new InvalidField('kind', `must be one of ${IMPORT_KINDS.join(', ')}`);
    }
    return kind as ImportKind;
  };

  return {
    /** The content type a kind creates (the admin plugin checks the admin's permission on it). */
    uidOf(kind: string): string {
      return UID_OF_KIND[checkKind(kind)];
    },

    /** `canPublish: false` (an admin without publish permission) refuses rows asking to publish. */
    async run(
      kind: ImportKind,
      csv: string,
      options: { canPublish?: boolean } = {},
    ): Promise<ImportReport> {
      checkKind(kind);
      const all = records(csv);
      if (all.length === 0) throw new InvalidField('file', 'has no rows under its header');
      if (all.length > MAX_IMPORT_ROWS) {
        throw new InvalidField('file', `has more than ${MAX_IMPORT_ROWS} rows; split it`);
      }
      checkHeader(kind, Object.keys(all[0].row));
      const taken = await takenKeys(kind);
      const report: ImportReport = { kind, created: 0, published: 0, rejected: [] };
      for (const { line, row } of all) {
        const problems: Problem[] = [];
        const prepared =
          kind === 'news'
            ? await prepareNews(row, problems, taken)
            : await prepareRecall(row, problems, taken);
        if (prepared.publish && options.canPublish === false) {
          problems.push({
            field: 'publish',
            message: 'you may not publish; leave it empty for a draft',
          });
        }
        if (problems.length === 0) {
          try {
            await write(kind, prepared);
          } catch (error) {
            const path = (error as { path?: string[] }).path;
            problems.push({ field: path?.join('.') ?? 'row', message: (error as Error).message });
          }
        }
        if (problems.length > 0) {
          report.rejected.push({
            line,
            errors: problems.map((problem) => ({
              column: problem.field,
              message: problem.message,
            })),
          });
          continue;
        }
        if (prepared.key) taken.add(prepared.key);
        report.created += 1;
        if (prepared.publish) report.published += 1;
      }
      return report;
    },
  };
};
