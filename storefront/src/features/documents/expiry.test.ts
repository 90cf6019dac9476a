import { describe, expect, it } from 'vitest';
import { parseLocale, type Locale } from '~/i18n';
import { renderComponent, textOf } from '~/lib/render-component.test-support';
import ExpiryBadge from './ExpiryBadge.astro';
import { expiryBadge, expiryPhrase, expiryTier } from './expiry';

const en = parseLocale('en') as Locale;
const ne = parseLocale('ne') as Locale;
const today = '2024-07-30';

describe('expiryTier', () => {
  it.each([
    ['2024-09-30', 'valid'],
    ['2024-08-29', 'expiring-soon'],
    ['2024-08-07', 'expiring-soon'],
    ['2024-08-06', 'expiring'],
    ['2024-07-30', 'expiring'],
    ['2024-07-29', 'expired'],
  ])('puts an expiry on %s in the tier %s', (expiresOn, tier) => {
    expect(expiryTier(expiresOn, today)).toBe(tier);
  });
});

describe('expiryBadge', () => {
  it('gives each tier words, an icon and a colour of its own', () => {
    const tiers = ['valid', 'expiring-soon', 'expiring', 'expired'] as const;
    expect(tiers.map((tier) => expiryBadge(tier, ne).label)).toEqual([
      'मान्य',
      'छिट्टै म्याद सकिने',
      'एक हप्ताभित्र म्याद सकिने',
      'म्याद सकिएको',
    ]);
    expect(new Set(tiers.map((tier) => expiryBadge(tier, en).icon)).size).toBe(4);
    expect(new Set(tiers.map((tier) => expiryBadge(tier, en).tone)).size).toBe(4);
  });
});

describe('expiryPhrase', () => {
  it.each([
    ['2024-08-12', 'in 13 days', '१३ दिनमा'],
    ['2024-07-31', 'tomorrow', 'भोलि'],
    ['2024-07-30', 'today', 'आज'],
    ['2024-07-29', 'yesterday', 'हिजो'],
    ['2024-07-20', '10 days ago', '१० दिनअघि'],
  ])('says an expiry on %s as “%s” / “%s”', (expiresOn, english, nepali) => {
    expect(expiryPhrase(expiresOn, today, en, '')).toBe(english);
    expect(expiryPhrase(expiresOn, today, ne, '')).toBe(nepali);
  });

  it('gives the date of an expiry more than a month away', () => {
    expect(expiryPhrase('2025-01-01', today, en, 'January 1, 2025')).toBe('until January 1, 2025');
  });
});

describe('ExpiryBadge', () => {
  it('shows an expired document in words, not by colour alone', async () => {
    const html = await renderComponent(ExpiryBadge, { locale: en, expiresOn: '2024-07-20', today });
    expect(html).toContain('badge-critical');
    expect(textOf(html)).toBe('Expired – 10 days ago');
  });

  it('shows the BS date beside a far expiry in Nepali', async () => {
    const html = await renderComponent(ExpiryBadge, { locale: ne, expiresOn: '2025-01-01', today });
    expect(textOf(html)).toBe('मान्य – २०२५ जनवरी १ (वि.सं. २०८१ पुस १७) सम्म');
  });

  it('says when a document has no expiry date', async () => {
    const html = await renderComponent(ExpiryBadge, { locale: en, expiresOn: null, today });
    expect(textOf(html)).toBe('No expiry date');
  });
});
