/**
 * One audit row. Hidden from the content manager and the content-type builder; no route
 * changes or deletes it, and the query engine refuses to (recorders/lifecycles.ts).
 */
const schema = {
  kind: 'collectionType',
  collectionName: 'audit_log_entries',
  info: {
    singularName: 'entry',
    pluralName: 'entries',
    displayName: 'Audit log entry',
    description: 'Who changed what, when and from where; hash-chained',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    actorKind: { type: 'enumeration', enum: ['admin', 'owner', 'system'], required: true },
    actorId: { type: 'string' },
    actorName: { type: 'string' },
    action: { type: 'string', required: true },
    contentType: { type: 'string' },
    targetDocumentId: { type: 'string' },
    targetLocale: { type: 'string' },
    diff: { type: 'json' },
    ip: { type: 'string' },
    userAgent: { type: 'text' },
    hash: { type: 'string', required: true },
    prevHash: { type: 'string', required: true },
  },
};

export default { entry: { schema } };
