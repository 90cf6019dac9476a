import type { Core } from '@strapi/strapi';

type ServiceFactories = Record<string, (deps: { strapi: Core.Strapi }) => unknown>;

/**
 * A typed `getService` for one API, as Strapi's own plugins have: the types come from the
 * API's own service map (its services/index.ts), so no file lists every service of the app
 * and no service imports its domain's index back.
 */
export function serviceGetter<Services extends ServiceFactories>(apiName: string) {
  return <Name extends keyof Services & string>(
    strapi: Core.Strapi,
    name: Name,
  ): ReturnType<Services[Name]> =>
    strapi.service(`api::${apiName}.${name}`) as unknown as ReturnType<Services[Name]>;
}
