import { describe, expect, it } from 'vitest';
import { parseLocale, type Locale } from '~/i18n';
import { elements, renderComponent, textOf } from '~/lib/render-component.test-support';
import DateField from './DateField.astro';

const en = parseLocale('en') as Locale;
const ne = parseLocale('ne') as Locale;

describe('DateField', () => {
  it('shows a stored day in BS in Nepali, with its AD day beside it before any script runs', async () => {
    const html = await renderComponent(DateField, {
      locale: ne,
      name: 'expiresOn',
      label: 'म्याद सकिने मिति',
      value: '2024-07-30',
    });

    expect(html).toMatch(
      /<input id="expiresOn" name="expiresOn" type="text" [^>]*value="२०८१-०४-१५"/,
    );
    expect(html).toContain('aria-describedby="expiresOn-hint expiresOn-other"');
    expect(textOf(elements(html, 'output')[0]!)).toBe('अर्थात् ई.सं. २०२४ जुलाई ३०');
    expect(textOf(elements(html, 'p', 'id="expiresOn-hint"')[0]!)).toBe(
      'वर्ष-महिना-गते लेख्नुहोस्, जस्तै वि.सं. २०८१-०४-१५ वा ई.सं. 2024-07-30।',
    );
  });

  it('gives back what the owner typed with the error, and names the BS day of an AD date in English', async () => {
    const html = await renderComponent(DateField, {
      locale: en,
      name: 'issuedOn',
      label: 'Issued on',
      typed: '2024-07-30',
      error: 'Enter a date on or before July 1, 2024',
    });

    expect(html).toMatch(/value="2024-07-30"/);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="issuedOn-hint issuedOn-error issuedOn-other"');
    expect(textOf(elements(html, 'output')[0]!)).toBe('That is 15 Shrawan 2081 BS.');
  });
});
