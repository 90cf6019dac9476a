import type { Core } from '@strapi/strapi';
import { PLUGIN } from './constants';
import type { RelocateOutcome } from './centers';

type Ctx = {
  params: Record<string, string>;
  body: unknown;
  notFound(message: string, details?: unknown): void;
  conflict(message: string, details?: unknown): void;
};

const DOCUMENT_ID = /^[a-z0-9]{1,64}$/i;

/** Admin API: "geocode again" for one service center. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async relocate(ctx: Ctx) {
    const { documentId } = ctx.params;
    const notFound = () =>
      ctx.notFound('No service center with this documentId', {
        errors: [{ path: ['documentId'], message: 'no service center has this id' }],
      });
    if (!DOCUMENT_ID.test(documentId ?? '')) return notFound();
    const outcome = (await strapi
      .plugin(PLUGIN)
      .service('centers')
      .relocate(documentId)) as RelocateOutcome;
    if (!outcome.ok && outcome.reason === 'not-found') return notFound();
    if (!outcome.ok) {
      return ctx.conflict(
        'The coordinates were set by hand; clear them in the edit view to geocode this center',
        { errors: [{ path: ['coordinatesSource'], message: 'is manual' }] },
      );
    }
    ctx.body = { data: outcome.point };
  },
});
