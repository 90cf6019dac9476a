import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { currentOrigin } from '../actor';
import { diffFields } from '../diff';
import { ENTRY_UID } from '../constants';
import type { AuditWriter } from '../writer';

/** Types written through the query engine (not the Document Service), by log name. */
const MODELS: Record<string, string> = {
  'plugin::upload.file': 'media',
  'admin::user': 'admin-user',
  'admin::role': 'admin-role',
  'admin::permission': 'admin-permission',
};

/** Media are "uploaded" and "removed"; the rest created, updated and deleted. */
const VERBS: Record<string, Record<string, string>> = {
  media: { create: 'upload', update: 'update', delete: 'remove' },
};

interface LifecycleEvent {
  action: string;
  model: { uid: string; attributes: Record<string, { type?: string }> };
  params: { where?: unknown; data?: Record<string, unknown> };
  result?: Record<string, unknown> | null;
  state: Record<string, unknown>;
}

const verb = (kind: string, action: string) => VERBS[kind]?.[action] ?? action;

/**
 * Query-engine lifecycles for media, admin users, roles and permissions (their services
 * bypass the Document Service), and the guard that makes the entry table append-only for
 * everything that goes through Strapi.
 */
export function subscribeLifecycles(
  strapi: Core.Strapi,
  writer: AuditWriter,
  { record }: { record: boolean },
) {
  const refuse = () => {
    throw new errors.ForbiddenError('Audit log entries cannot be changed or deleted');
  };
  strapi.db.lifecycles.subscribe({
    models: [ENTRY_UID],
    beforeCreate: refuse,
    beforeCreateMany: refuse,
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });

  if (!record) return;

  const readBefore = async (event: LifecycleEvent) => {
    if (!currentOrigin(strapi) || !event.params.where) return;
    event.state.before = await strapi.db
      .query(event.model.uid)
      .findOne({ where: event.params.where });
  };

  const write = async (event: LifecycleEvent, action: 'create' | 'update' | 'delete') => {
    const origin = currentOrigin(strapi);
    if (!origin) return;
    const kind = MODELS[event.model.uid];
    const before = (event.state.before as Record<string, unknown> | null | undefined) ?? null;
    const after = action === 'delete' ? null : (event.result ?? null);
    const data = action === 'delete' ? undefined : event.params.data;
    const diff = diffFields(
      data,
      action === 'create' ? null : (before ?? {}),
      after,
      event.model.attributes,
    );
    if (action === 'update' && Object.keys(diff).length === 0) return;
    const subject = after ?? before;
    await writer.record({
      actorKind: origin.actor.kind,
      actorId: origin.actor.id,
      actorName: origin.actor.name,
      action: `${kind}.${verb(kind, action)}`,
      contentType: event.model.uid,
      targetDocumentId: subject ? String(subject.documentId ?? subject.id ?? '') || null : null,
      targetLocale: null,
      diff,
      ip: origin.ip,
      userAgent: origin.userAgent,
    });
  };

  strapi.db.lifecycles.subscribe({
    models: Object.keys(MODELS),
    beforeUpdate: readBefore,
    beforeDelete: readBefore,
    afterCreate: (event: LifecycleEvent) => write(event, 'create'),
    afterUpdate: (event: LifecycleEvent) => write(event, 'update'),
    afterDelete: (event: LifecycleEvent) => write(event, 'delete'),
  });
}
