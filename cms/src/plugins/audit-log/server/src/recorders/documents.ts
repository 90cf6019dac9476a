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

/** The version the write will change: the draft where drafts exist, in the asked locale. */
async function readCurrent(
  strapi: Core.Strapi,
  context: { uid: string; contentType: { options?: { draftAndPublish?: boolean } } },
  params: Params,
): Promise<Row | null> {
  const where: Row = { documentId: params.documentId };
  if (params.locale && params.locale !== '*') where.locale = params.locale;
  if (context.contentType.options?.draftAndPublish) where.publishedAt = null;
  return (await strapi.db.query(context.uid).findOne({ where })) as Row | null;
}
