import { factories } from '@strapi/strapi';

// The portal only reads it; editors change it in the admin panel.
export default factories.createCoreRouter('api::home-page.home-page', { only: ['find'] });
