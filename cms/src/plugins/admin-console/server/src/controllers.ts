import type { Core } from '@strapi/strapi';
import { UIDS } from './constants';
import { LabelInputError, lookUpLabels, parseLabelRequest } from './labels';
import { homeStats } from './stats';

type Ability = { can(action: string, subject?: string): boolean };
type Ctx = {
  query: Record<string, unknown>;
  state: { userAbility?: Ability };
  body: unknown;
  badRequest(message: string, details?: unknown): void;
};

/** Read-only admin API behind the homepage widgets and the list columns. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async stats(ctx: Ctx) {
    ctx.body = { data: await homeStats(strapi) };
  },

  async labels(ctx: Ctx) {
    let request;
    try {
      request = parseLabelRequest(ctx.query);
    } catch (error) {
      if (!(error instanceof LabelInputError)) throw error;
      return ctx.badRequest(error.message, {
        errors: [{ path: [error.field], message: error.message }],
      });
    }
    // Owners' emails only for admins who may read the owners themselves.
    const canReadOwners = Boolean(
      ctx.state.userAbility?.can('plugin::content-manager.explorer.read', UIDS.owner),
    );
    ctx.body = { data: await lookUpLabels(strapi, request, canReadOwners) };
  },
});
