import type { Core } from '@strapi/strapi';
import { PLUGIN, UPDATE_ACTION } from './constants';
import type { GeocodingConfig } from './config';

type PolicyContext = {
  state: { userAbility?: { can(action: string, subject?: string): boolean } };
};

/**
 * `plugin::geocoding.can-update-centers`: the admin may update service centers in the
 * content manager (the configured content type is the permission's subject).
 */
export default {
  'can-update-centers': (
    ctx: PolicyContext,
    _config: unknown,
    { strapi }: { strapi: Core.Strapi },
  ) => {
    const { serviceCenterUid } = strapi.config.get(`plugin::${PLUGIN}`) as GeocodingConfig;
    return ctx.state.userAbility?.can(UPDATE_ACTION, serviceCenterUid) === true;
  },
};
