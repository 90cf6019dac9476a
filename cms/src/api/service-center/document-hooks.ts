import type { Core } from '@strapi/strapi';
import { DOCUMENT_WRITES } from '../../lib/documents';
import { provinceOfDistrict } from './center-data';
import { getServiceCenterService } from './services';
import { SERVICE_CENTER_UID } from './storage';

type Data = Record<string, unknown>;

/**
 * A center's province is its district's, set on every create and update whatever the
 * writer sent (admin panel, seed, API), so the two can never contradict each other.
 */
async function withProvince(strapi: Core.Strapi, documentId: unknown, data: Data): Promise<Data> {
  if (!('district' in data) && !('province' in data)) return data;
  let district = data.district;
  if (district === undefined && typeof documentId === 'string') {
    // The draft: what an update changes (the published row keeps the district last published).
    const row = (await strapi.db.query(SERVICE_CENTER_UID).findOne({
      where: { documentId, publishedAt: null },
      select: ['district'],
    })) as { district?: string } | null;
    district = row?.district;
  }
  const province = provinceOfDistrict(district);
  const { province: _sent, ...rest } = data;
  return province ? { ...rest, province } : rest;
}

/**
 * Document Service middleware of the centers: the province from the district before a
 * write; after it, the finder's search rows, and the saves of a center deleted for good.
 */
export function registerCenterDocumentHooks(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== SERVICE_CENTER_UID || !DOCUMENT_WRITES.has(context.action)) return next();
    const params = context.params as { documentId?: string; data?: Data };
    if ((context.action === 'create' || context.action === 'update') && params.data) {
      params.data = await withProvince(strapi, params.documentId, params.data);
    }
    const result = await next();
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (documentId) {
      await getServiceCenterService(strapi, 'search-index').sync(documentId);
      if (context.action === 'delete') {
        const left = await strapi.db.query(SERVICE_CENTER_UID).count({ where: { documentId } });
        if (left === 0) await getServiceCenterService(strapi, 'saved').forgetCenter(documentId);
      }
    }
    return result;
  });
}
