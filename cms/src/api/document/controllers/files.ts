import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getDocumentService } from '../services';

/**
 * The private folder's HTTP ends on the embedded default (no S3): the bytes of an upload,
 * and a download. No session: the signed token in the URL is the permission.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const transfer = () => getDocumentService(strapi, 'local-transfer');

  return {
    async upload(ctx: Context) {
      await transfer().receive(
        ctx.params.uploadId,
        String(ctx.query.token ?? ''),
        { contentType: ctx.get('content-type'), contentLength: ctx.get('content-length') },
        ctx.req,
      );
      ctx.status = 204;
    },

    async read(ctx: Context) {
      const file = await transfer().read(ctx.params.token);
      ctx.set(file.headers);
      ctx.body = file.body;
    },
  };
};
