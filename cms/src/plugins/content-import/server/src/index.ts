import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** The app service that does the work (the news domain); reached at run time only. */
const IMPORT_SERVICE = 'api::news.content-import';
const KINDS = ['news', 'recalls'] as const;
type Kind = (typeof KINDS)[number];
/** Largest CSV accepted, as text. */
const MAX_CSV_CHARS = 2_000_000;

interface ImportService {
  uidOf(kind: Kind): string;
  run(kind: Kind, csv: string, options: { canPublish: boolean }): Promise<unknown>;
}

interface Ability {
  can(action: string, subject?: string): boolean;
}

const controller = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * `POST /content-import/import` `{ kind, csv }`: the admin needs the content manager's
   * create permission on the kind's content type (publish too for rows asking for it).
   */
  async import(ctx: {
    request: { body?: unknown };
    state: { userAbility?: Ability };
    body: unknown;
  }) {
    const body = (ctx.request.body ?? {}) as { kind?: unknown; csv?: unknown };
    const kind = body.kind as Kind;
    if (!KINDS.includes(kind)) {
      throw new errors.ValidationError(`kind: must be one of ${KINDS.join(', ')}`, {
        errors: [{ path: ['kind'], message: `must be one of ${KINDS.join(', ')}` }],
      });
    }
    if (typeof body.csv !== 'string' || body.csv.trim() === '' || body.csv.length > MAX_CSV_CHARS) {
      throw new errors.ValidationError('csv: must be the text of a CSV file (at most 2 MB)', {
        errors: [{ path: ['csv'], message: 'must be the text of a CSV file (at most 2 MB)' }],
      });
    }
    const service = strapi.service(IMPORT_SERVICE) as unknown as ImportService;
    const uid = service.uidOf(kind);
    const ability = ctx.state.userAbility;
    if (!ability?.can('plugin::content-manager.explorer.create', uid)) {
      throw new errors.ForbiddenError(`You may not create ${kind}`);
    }
    const canPublish = ability.can('plugin::content-manager.explorer.publish', uid);
    ctx.body = { data: await service.run(kind, body.csv, { canPublish }) };
  },
});

export default {
  register() {},
  bootstrap() {},
  controllers: { imports: controller },
  routes: {
    admin: {
      type: 'admin',
      routes: [
        {
          method: 'POST',
          path: '/import',
          handler: 'imports.import',
          config: { policies: ['admin::isAuthenticatedAdmin'] },
        },
      ],
    },
  },
};
