import { MAX_TAGS, TAG_PATTERN } from '../news-uids';

export interface Problem {
  field: string;
  message: string;
}

/** A recall's fields as saved: the checks every write passes (admin, import, seed). */
export interface RecallFields {
  yearFrom?: number | null;
  yearTo?: number | null;
  sourceUrl?: string | null;
  /** The make's document id, and the document id of the make the chosen model belongs to. */
  makeId?: string | null;
  modelId?: string | null;
  modelMakeId?: string | null;
  tags?: unknown;
}

/** Tags: a list of up to 10 lower-case hyphenated words. */
export function tagProblems(tags: unknown): Problem[] {
  if (tags === null || tags === undefined) return [];
  if (!Array.isArray(tags)) return [{ field: 'tags', message: 'must be a list of tags' }];
  if (tags.length > MAX_TAGS) return [{ field: 'tags', message: `at most ${MAX_TAGS} tags` }];
  const bad = tags.filter(
    (tag) => typeof tag !== 'string' || tag.length > 40 || !TAG_PATTERN.test(tag),
  );
  return bad.length > 0
    ? [
        {
          field: 'tags',
          message: `each tag is lower-case letters and digits joined by hyphens (not ${bad.map((tag) => JSON.stringify(tag)).join(', ')})`,
        },
      ]
    : [];
}

export const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
};

/** Every rule a recall breaks; fields not set yet (a draft in progress) are not checked. */
export function recallProblems(fields: RecallFields): Problem[] {
  const problems: Problem[] = [];
  const { yearFrom, yearTo } = fields;
  if (typeof yearFrom === 'number' && typeof yearTo === 'number' && yearFrom > yearTo) {
    problems.push({ field: 'yearTo', message: `must be ${yearFrom} (yearFrom) or later` });
  }
  if (fields.sourceUrl && !isHttpUrl(fields.sourceUrl)) {
    problems.push({ field: 'sourceUrl', message: 'must be an http(s) URL' });
  }
  if (fields.modelId && !fields.makeId) {
    problems.push({ field: 'make', message: 'is required when a model is chosen' });
  } else if (fields.modelId && fields.modelMakeId !== fields.makeId) {
    problems.push({ field: 'model', message: 'is not a model of the chosen make' });
  }
  problems.push(...tagProblems(fields.tags));
  return problems;
}
