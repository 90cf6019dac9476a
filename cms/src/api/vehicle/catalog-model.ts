import type { Core } from '@strapi/strapi';
import { NotFound } from '../../lib/errors';
import { getCatalogService } from '../catalog/services';
import type { ModelDetail } from '../catalog/services/catalog';

/** The catalog model a vehicle names, or null when the catalog no longer has it. */
export const catalogModelOrNull = (
  strapi: Core.Strapi,
  modelId: string,
  locale: string,
): Promise<ModelDetail | null> =>
  getCatalogService(strapi, 'catalog')
    .model(modelId, locale)
    .catch((error: unknown) => {
      if (error instanceof NotFound) return null;
      throw error;
    });
