import type { Core } from '@strapi/strapi';
import { InvalidField } from '../../lib/errors';
import { getServiceCenterService } from '../service-center/services';
import type { ServiceRecord } from './owned-records';

/**
 * The `serviceCenter` of a write as stored: a published center's id (else a 400 naming
 * `serviceCenter`), null to clear, undefined to leave as it is.
 */
export async function serviceCenterField(
  strapi: Core.Strapi,
  value: string | null | undefined,
): Promise<{ serviceCenterId?: string | null }> {
  if (value === undefined) return {};
  if (value === null) return { serviceCenterId: null };
  if (!(await getServiceCenterService(strapi, 'search').isPublished(value))) {
    throw new InvalidField('serviceCenter', 'is not a published service center');
  }
  return { serviceCenterId: value };
}

/**
 * Records with their center's slug and name in `locale`; a center since unpublished or
 * deleted reads as null.
 */
export async function withCenters<Record extends ServiceRecord>(
  strapi: Core.Strapi,
  records: Record[],
  locale: string,
): Promise<Record[]> {
  const ids = [
    ...new Set(
      records.flatMap((record) => (record.serviceCenter ? [record.serviceCenter.id] : [])),
    ),
  ];
  if (ids.length === 0) return records;
  const summaries = await getServiceCenterService(strapi, 'search').summaries(ids, locale);
  return records.map((record) => {
    if (!record.serviceCenter) return record;
    const center = summaries.get(record.serviceCenter.id);
    return {
      ...record,
      serviceCenter: center ? { id: center.id, slug: center.slug, name: center.name } : null,
    };
  });
}
