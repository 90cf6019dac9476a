import { Typography } from '@strapi/design-system';
import { LabelCell } from './LabelCell';
import type { LabelKind } from './api';
import { message } from './translate';

export const INJECT_COLUMN_IN_TABLE = 'Admin/CM/pages/ListView/inject-column-in-table';

const OWNER_UID = 'plugin::users-permissions.user';

/** Fields that hold an id of another record, by name, and what to show for them. */
const ID_FIELDS: Record<string, LabelKind> = {
  ownerId: 'owners',
  makeId: 'makes',
  modelId: 'models',
  vehicleId: 'vehicles',
  // The document vault keeps its vehicle's document id in a text field.
  vehicle: 'vehicles',
};

/** Years are shown as written (the list would group them: "2,022"). */
const YEAR_FIELDS = new Set(['year', 'yearFrom', 'yearTo']);

type Row = Record<string, unknown>;
type Header = {
  name: string;
  attribute?: { type?: string };
  label?: unknown;
  searchable?: boolean;
  sortable?: boolean;
  cellFormatter?: (row: Row) => unknown;
};
type HookArgs = { displayedHeaders: Header[]; layout: unknown };

/** The content type of the list on screen, from the admin's URL. */
function currentModel(): string | null {
  const match = /\/content-manager\/collection-types\/([^/?#]+)/.exec(window.location.pathname);
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * Registered on the content manager's list: id columns (ownerId, makeId, modelId, vehicleId,
 * a document's vehicle) show names, years show without grouping, and the owners list gains
 * the number of vehicles. Only
 * plain text and number fields are replaced: a relation of the same name keeps its own cell.
 */
export function injectColumns({ displayedHeaders, layout }: HookArgs): HookArgs {
  const headers = displayedHeaders.map((header) => {
    const kind = ID_FIELDS[header.name];
    const type = header.attribute?.type;
    if (YEAR_FIELDS.has(header.name) && type === 'integer') {
      return {
        ...header,
        cellFormatter: (row: Row) => (
          <Typography textColor="neutral800">{String(row[header.name] ?? '-')}</Typography>
        ),
      };
    }
    if (!kind || (type !== 'string' && type !== 'integer')) return header;
    return {
      ...header,
      searchable: false,
      cellFormatter: (row: Row) => <LabelCell kind={kind} id={row[header.name]} />,
    };
  });
  if (currentModel() === OWNER_UID) {
    headers.push({
      name: 'vehicleCount',
      attribute: { type: 'integer' },
      label: message('column.vehicles'),
      searchable: false,
      sortable: false,
      cellFormatter: (row: Row) => <LabelCell kind="vehicleCounts" id={row.id} />,
    });
  }
  return { displayedHeaders: headers, layout };
}
