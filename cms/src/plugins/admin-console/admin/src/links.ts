/** Links into the admin (relative to its base path) for the widgets: lists already filtered. */

type Filter = [field: string, operator: string, value: string];

export function listLink(uid: string, filters: Filter[] = [], sort?: string): string {
  const params = new URLSearchParams({ page: '1' });
  filters.forEach(([field, operator, value], index) => {
    params.set(`filters[$and][${index}][${field}][${operator}]`, value);
  });
  if (sort) params.set('sort', sort);
  return `/content-manager/collection-types/${uid}?${params.toString()}`;
}

export const UIDS = {
  owner: 'plugin::users-permissions.user',
  vehicle: 'api::vehicle.vehicle',
  serviceRecord: 'api::service-record.service-record',
  recall: 'api::recall.recall',
  center: 'api::service-center.service-center',
} as const;

export const deliveriesLink = (status: 'sent' | 'failed') => `/plugins/reminders?status=${status}`;
