import type { Core } from '@strapi/strapi';

/** A field's label in the admin's two languages. */
export interface FieldLabel {
  en: string;
  ne: string;
}

/**
 * How the content manager shows one content type to the people who use it: one small
 * declaration per type in its domain folder (`api/<domain>/admin-view.ts`), listed in
 * `src/admin-views.ts`, applied at every boot by provisioning. What it names wins over an
 * admin's own changes; what it does not name (other fields, widths) is left as it is.
 */
export interface AdminView {
  uid: string;
  /** The field that names an entry (relations, breadcrumbs, the edit view's title). */
  mainField?: string;
  defaultSortBy?: string;
  defaultSortOrder?: 'ASC' | 'DESC';
  pageSize?: number;
  /** The list's columns, in order. Columns the admin-console plugin injects come after. */
  list: readonly string[];
  /** Readable labels (English stored in the configuration, Nepali as admin translations). */
  labels?: Readonly<Record<string, FieldLabel>>;
  /** The edit view's first rows: [field, width of 12]. Fields not named follow as they were. */
  edit?: ReadonlyArray<ReadonlyArray<readonly [string, number]>>;
  /** Shown in the edit view but not editable there. */
  readOnly?: readonly string[];
  /** Left out of the edit view. */
  hidden?: readonly string[];
}

type Metadata = {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
};
export interface ContentManagerConfiguration {
  uid?: string;
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
}

/**
 * The configuration with the view applied (pure: the boot test and provisioning share it).
 * Names the view uses that the type does not have are errors: a renamed field fails the boot
 * rather than silently showing the old layout.
 */
export function applyView(
  current: ContentManagerConfiguration,
  view: AdminView,
  attributes: Record<string, unknown>,
): ContentManagerConfiguration {
  const known = (name: string) => name in attributes || name === 'id' || name === 'documentId';
  const named = [
    ...view.list,
    ...Object.keys(view.labels ?? {}),
    ...(view.edit ?? []).flat().map(([name]) => name),
    ...(view.readOnly ?? []),
    ...(view.hidden ?? []),
    ...(view.mainField ? [view.mainField] : []),
    ...(view.defaultSortBy ? [view.defaultSortBy] : []),
  ];
  const unknown = named.filter((name) => !known(name));
  if (unknown.length > 0) {
    throw new Error(`Admin view of ${view.uid} names unknown fields: ${unknown.join(', ')}`);
  }

  const settings = { ...current.settings };
  if (view.mainField) settings.mainField = view.mainField;
  if (view.defaultSortBy) settings.defaultSortBy = view.defaultSortBy;
  if (view.defaultSortOrder) settings.defaultSortOrder = view.defaultSortOrder;
  if (view.pageSize) settings.pageSize = view.pageSize;
  settings.searchable = true;
  settings.filterable = true;

  const metadatas: Record<string, Metadata> = {};
  for (const [name, metadata] of Object.entries(current.metadatas)) {
    const label = view.labels?.[name]?.en;
    const edit = { ...metadata.edit };
    if (label) edit.label = label;
    if (view.readOnly?.includes(name)) edit.editable = false;
    if (view.hidden?.includes(name)) edit.visible = false;
    metadatas[name] = { edit, list: label ? { ...metadata.list, label } : { ...metadata.list } };
  }

  let edit = current.layouts.edit;
  if (view.edit || view.hidden) {
    const declared = (view.edit ?? []).map((row) => row.map(([name, size]) => ({ name, size })));
    const placed = new Set(declared.flat().map(({ name }) => name));
    const rest = current.layouts.edit
      .map((row) => row.filter(({ name }) => !placed.has(name) && !view.hidden?.includes(name)))
      .filter((row) => row.length > 0);
    edit = [...declared, ...rest];
  }

  return {
    ...current,
    settings,
    metadatas,
    layouts: { ...current.layouts, list: [...view.list], edit },
  };
}

/**
 * The configuration with each relation to a type of `mainFields` (uid → its main field) shown
 * by that field, in the edit view's picker and in the list; `null` when nothing changes. The
 * content manager fixes a relation's main field when it first configures the type holding it,
 * before provisioning has named the target's: the recall's make picker listed slugs.
 */
export function withRelationNames(
  current: ContentManagerConfiguration,
  attributes: Record<string, unknown>,
  mainFields: Readonly<Record<string, string>>,
): ContentManagerConfiguration | null {
  let changed = false;
  const metadatas: Record<string, Metadata> = { ...current.metadatas };
  for (const [name, attribute] of Object.entries(attributes)) {
    const { type, target } = (attribute ?? {}) as { type?: string; target?: string };
    const mainField = type === 'relation' && target ? mainFields[target] : undefined;
    const metadata = metadatas[name];
    if (!mainField || !metadata) continue;
    if (metadata.edit.mainField === mainField && metadata.list.mainField === mainField) continue;
    metadatas[name] = {
      edit: { ...metadata.edit, mainField },
      list: { ...metadata.list, mainField },
    };
    changed = true;
  }
  return changed ? { ...current, metadatas } : null;
}

/**
 * Applies every view through the content manager's own configuration service (it has synced
 * the stored configurations with the schemas by the time the app's bootstrap runs). A view of
 * a type that does not exist is skipped: types arrive with their domains.
 */
export async function applyAdminViews(
  strapi: Core.Strapi,
  views: readonly AdminView[],
): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types') as {
    findConfiguration(contentType: { uid: string }): Promise<ContentManagerConfiguration>;
    updateConfiguration(
      contentType: { uid: string },
      configuration: ContentManagerConfiguration,
    ): Promise<unknown>;
  };
  const schemas = strapi.contentTypes as unknown as Record<string, { attributes: object }>;
  for (const view of views) {
    const schema = schemas[view.uid];
    if (!schema) continue;
    const { uid: _uid, ...current } = await contentTypes.findConfiguration({ uid: view.uid });
    const next = applyView(current, view, schema.attributes as Record<string, unknown>);
    await contentTypes.updateConfiguration({ uid: view.uid }, next);
  }
  // Relations of every type (those without a view too: recalls, service centers) name their
  // entries by the target's main field.
  const mainFields = Object.fromEntries(
    views.filter((view) => view.mainField).map((view) => [view.uid, view.mainField as string]),
  );
  for (const [uid, schema] of Object.entries(schemas)) {
    if (!uid.startsWith('api::')) continue;
    const { uid: _uid, ...current } = await contentTypes.findConfiguration({ uid });
    const next = withRelationNames(
      current,
      schema.attributes as Record<string, unknown>,
      mainFields,
    );
    if (next) await contentTypes.updateConfiguration({ uid }, next);
  }
}
