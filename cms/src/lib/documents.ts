import type { Modules, UID } from '@strapi/strapi';

type DocumentInput<Uid extends UID.ContentType> = Modules.Documents.Params.Data.Input<Uid>;

/** A Document Service input where any attribute may also be `null`. */
export type ClearableInput<Uid extends UID.ContentType> = {
  [Key in keyof DocumentInput<Uid>]?: DocumentInput<Uid>[Key] | null;
};

/**
 * Document Service `data` that clears attributes with `null`. The Document Service stores
 * `null` as NULL (how an owner removes a trim or a nickname), but Strapi's generated input
 * types only spell `undefined` ("leave as it is"), which would not clear anything. This is
 * the one place that bridges the two, typed by the content type's own attributes.
 */
export function clearable<Uid extends UID.ContentType>(
  _uid: Uid,
  data: ClearableInput<Uid>,
): DocumentInput<Uid> {
  return data as DocumentInput<Uid>;
}

/** The Document Service actions that change what a content type's reads return. */
export const DOCUMENT_WRITES: ReadonlySet<string> = new Set([
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
]);
