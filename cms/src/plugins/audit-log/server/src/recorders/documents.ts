import { errors } from '@strapi/utils';
import type { Core, Modules } from '@strapi/strapi';
import { currentOrigin } from '../actor';
import { diffFields } from '../diff';
import { ENTRY_UID } from '../constants';
import type { AuditWriter } from '../writer';

const OWNER_UID = 'plugin::users-permissions.user';

/** Document Service actions that change data, and what they are called in the log. */
const RECORDED: Record<string, string> = {
  create: 'entry.create',
  update: 'entry.update',
  delete: 'entry.delete',
  publish: 'entry.publish',
  unpublish: 'entry.unpublish',
  discardDraft: 'entry.discard-draft',
};

/** Types whose every write the query-engine lifecycles record already (one row, not two). */
const RECORDED_BY_LIFECYCLES = new Set(['plugin::upload.file']);

type Row = Record<string, unknown>;
type Params = { documentId?: string; locale?: string; data?: Row };
type Attributes = Record<string, { type?: string }>;

/**
 * Records every create, update, delete, publish and unpublish made through the Document
 * Service during a request: the admin's content manager and the owner API both write there.
 * The row before the change is read (one indexed select) only for updates and deletes.
 */
export function documentRecorder(
  strapi: Core.Strapi,
  writer: AuditWriter,
): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    // The app's generated uids do not list this plugin's own content type: compare as text.
    const uid: string = context.uid;
    if (uid === ENTRY_UID && context.action in RECORDED) {
      throw new errors.ForbiddenError('Audit log entries cannot be changed or deleted');
    }
    const action = RECORDED[context.action];
    if (!action || RECORDED_BY_LIFECYCLES.has(context.uid)) return next();
    const origin = currentOrigin(strapi);
    if (!origin) return next();

    const params = (context.params ?? {}) as Params;
    const attributes = (context.contentType.attributes ?? {}) as Attributes;
    const wantsBefore =
      (context.action === 'update' || context.action === 'delete') && params.documentId;
    const before = wantsBefore ? await readCurrent(strapi, context, params) : null;
    const outcome = await next();
    // A single document for the writes recorded here (create, update, delete, publish...).
    const result = outcome as Row | null | undefined;

    const documentId = params.documentId ?? (result?.documentId as string | undefined) ?? null;
    let diff: Record<string, unknown> | null = null;
    let name = action;
    if (context.action === 'create')
      diff = diffFields(params.data, null, result ?? params.data, attributes);
    if (context.action === 'update')
      diff = diffFields(params.data, before ?? {}, result ?? params.data, attributes);
    if (context.action === 'delete')
      diff = before ? diffFields(undefined, before, null, attributes) : null;
    if (context.uid === OWNER_UID && diff && 'blocked' in diff) {
      name = (diff.blocked as { after?: unknown }).after ? 'owner.block' : 'owner.unblock';
    }
    if (context.action === 'update' && diff && Object.keys(diff).length === 0) diff = null;
    await writer.record({
      actorKind: origin.actor.kind,
      actorId: origin.actor.id,
      actorName: origin.actor.name,
      action: name,
      contentType: context.uid,
      targetDocumentId: documentId,
      targetLocale: params.locale ?? (result?.locale as string | undefined) ?? null,
      diff,
      ip: origin.ip,
      userAgent: origin.userAgent,
    });
    return outcome;
  };
}

/**
 * Rows a service of the app has just read and is about to change through the Document
 * Service in this request, by content type and document id (`rememberBefore`): the recorder
 * takes such a row as the change's "before" instead of reading it again. One use each, and
 * only for types with one row per document (no drafts, no locales), where the row the service
 * read is the row the write changes.
 */
const knownBefore = new WeakMap<object, Map<string, Row>>();
const beforeKey = (uid: string, documentId: string) => `${uid}\u0000${documentId}`;

export function rememberBefore(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  row: object,
): void {
  const ctx = strapi.requestContext.get() as object | undefined;
  if (!ctx) return;
  let rows = knownBefore.get(ctx);
  if (!rows) {
    rows = new Map();
    knownBefore.set(ctx, rows);
  }
  rows.set(beforeKey(uid, documentId), row as Row);
}

function takeKnownBefore(strapi: Core.Strapi, uid: string, documentId: string): Row | undefined {
  const ctx = strapi.requestContext.get() as object | undefined;
  const rows = ctx ? knownBefore.get(ctx) : undefined;
  const key = beforeKey(uid, documentId);
  const row = rows?.get(key);
  if (row) rows?.delete(key);
  return row;
}

/** The version the write will change: the draft where drafts exist, in the asked locale. */
async function readCurrent(
  strapi: Core.Strapi,
  context: {
    uid: string;
    contentType: {
      options?: { draftAndPublish?: boolean };
      pluginOptions?: unknown;
    };
  },
  params: Params,
): Promise<Row | null> {
  const oneRowPerDocument =
    !context.contentType.options?.draftAndPublish &&
    !(context.contentType.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n
      ?.localized;
  const known = takeKnownBefore(strapi, context.uid, params.documentId as string);
  if (known && oneRowPerDocument) return known;
  const where: Row = { documentId: params.documentId };
  if (params.locale && params.locale !== '*') where.locale = params.locale;
  if (context.contentType.options?.draftAndPublish) where.publishedAt = null;
  return (await strapi.db.query(context.uid).findOne({ where })) as Row | null;
}
