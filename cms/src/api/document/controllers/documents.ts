import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { parseLocaleQuery } from '../../../lib/locales';
import { pageQuery } from '../../../lib/pagination';
import { parseData } from '../../../lib/validation';
import {
  DOCUMENT_KINDS,
  documentChangeInput,
  finaliseInput,
  uploadRequestInput,
} from '../document-input';
import { getDocumentService } from '../services';

const ownerOf = (ctx: Context) => (ctx.state.user as { id: number }).id;
const bodyOf = (ctx: Context) => (ctx.request as { body?: unknown }).body;

const listFilters = {
  ...pageQuery.shape,
  vehicle: z.string().max(40).optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  expiringBefore: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .optional(),
  serviceRecord: z.string().max(40).optional(),
};

/** The owner's document vault: presign, finalise, list, read, change, delete, download. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => getDocumentService(strapi, 'documents');
  const uploads = () => getDocumentService(strapi, 'document-uploads');
  const query = (ctx: Context) => parseLocaleQuery(strapi, ctx.query);

  return {
    async presign(ctx: Context) {
      await query(ctx);
      const input = parseData(uploadRequestInput, bodyOf(ctx));
      ctx.status = 201;
      ctx.body = { data: await uploads().presign(ownerOf(ctx), input) };
    },

    async finalise(ctx: Context) {
      await query(ctx);
      const input = parseData(finaliseInput, bodyOf(ctx));
      ctx.status = 201;
      ctx.body = { data: await uploads().finalise(ownerOf(ctx), input) };
    },

    async list(ctx: Context) {
      const {
        locale: _locale,
        limit,
        cursor,
        ...filter
      } = await parseLocaleQuery(strapi, ctx.query, listFilters);
      ctx.body = await documents().list(ownerOf(ctx), filter, { limit, cursor });
    },

    async findOne(ctx: Context) {
      await query(ctx);
      ctx.body = { data: await documents().findOne(ownerOf(ctx), ctx.params.id) };
    },

    async update(ctx: Context) {
      await query(ctx);
      const change = parseData(documentChangeInput, bodyOf(ctx));
      ctx.body = { data: await documents().update(ownerOf(ctx), ctx.params.id, change) };
    },

    async delete(ctx: Context) {
      await query(ctx);
      await documents().remove(ownerOf(ctx), ctx.params.id);
      ctx.status = 204;
    },

    async download(ctx: Context) {
      await query(ctx);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data: await documents().download(ownerOf(ctx), ctx.params.id) };
    },
  };
};
