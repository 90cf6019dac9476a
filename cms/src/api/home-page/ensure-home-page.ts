import type { Core } from '@strapi/strapi';

const UID = 'api::home-page.home-page';

/** First copy of the home page; editors own it afterwards, so it is never overwritten. */
export const HOME_PAGE_COPY: Record<string, { headline: string; intro: string }> = {
  en: {
    headline: 'Welcome to MotorGhar',
    intro:
      'Keep every vehicle, service and document in one place, get reminded before anything ' +
      'is due, and find a trusted service center near you.',
  },
  ne: {
    headline: 'मोटरघरमा स्वागत छ',
    intro:
      'सबै सवारी साधन, सर्भिसिङ र कागजात एकै ठाउँमा राख्नुहोस्, कुनै काम बाँकी हुनुअघि नै ' +
      'सम्झना पाउनुहोस्, र नजिकैको भरपर्दो सेवा केन्द्र खोज्नुहोस्।',
  },
};

/** Creates the home page in every locale that has none yet. */
export async function ensureHomePage(strapi: Core.Strapi): Promise<void> {
  const documents = strapi.documents(UID);
  const [defaultLocale, ...others] = Object.keys(HOME_PAGE_COPY);
  let page = await documents.findFirst({ locale: defaultLocale });
  if (!page) {
    page = await documents.create({ locale: defaultLocale, data: HOME_PAGE_COPY[defaultLocale] });
  }
  for (const locale of others) {
    const localized = await documents.findFirst({ locale });
    if (!localized) {
      await documents.update({ documentId: page.documentId, locale, data: HOME_PAGE_COPY[locale] });
    }
  }
}
