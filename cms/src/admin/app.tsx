import type { StrapiApp } from '@strapi/strapi/admin';
import ne from './translations/ne';

export default {
  config: {
    // Nepali beside English; vite.config.ts names it नेपाली in the profile's language menu.
    locales: ['ne'],
    translations: { ne },
  },
  bootstrap(_app: StrapiApp) {},
};
