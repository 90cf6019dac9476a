import type { ServiceStatus } from '../record-input';

/**
 * What a record's status still lets an owner change. `scheduled` is open; `completed` and
 * `cancelled` are final, except that a completed service's notes and bill may be corrected
 * (a receipt found later). Anything else is a 409 naming the first field refused.
 */
const EDITABLE: Record<ServiceStatus, readonly string[] | 'all'> = {
  scheduled: 'all',
  completed: ['notes', 'costPaisa', 'lineItems'],
  cancelled: [],
};

/** The first field of `change` the status does not allow, or null when all are allowed. */
export function frozenField(status: ServiceStatus, change: object): string | null {
  const editable = EDITABLE[status];
  if (editable === 'all') return null;
  return Object.keys(change).find((field) => !editable.includes(field)) ?? null;
}

/** Only a scheduled service can be completed or cancelled. */
export const canLeave = (status: ServiceStatus) => status === 'scheduled';
