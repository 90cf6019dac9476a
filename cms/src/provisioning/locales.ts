import type { Core } from '@strapi/strapi';

/** The portal's languages, default first. A third language is one more entry here. */
export const PLATFORM_LOCALES = [
  { code: 'en', name: 'English (en)' },
  { code: 'ne', name: 'Nepali (ne)' },
] as const;

interface LocalesService {
  find(params?: object): Promise<Array<{ code: string }>>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  getDefaultLocale(): Promise<string>;
  setDefaultLocale(locale: { code: string }): Promise<void>;
}

/** Creates missing locales and makes the first one the default; safe to run on every boot. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales') as LocalesService;
  const existing = new Set((await locales.find()).map((locale) => locale.code));
  for (const locale of PLATFORM_LOCALES) {
    if (!existing.has(locale.code)) {
      await locales.create({ code: locale.code, name: locale.name });
      strapi.log.info('locale created', { code: locale.code });
    }
  }
  const defaultCode = PLATFORM_LOCALES[0].code;
  if ((await locales.getDefaultLocale()) !== defaultCode) {
    await locales.setDefaultLocale({ code: defaultCode });
  }
}
