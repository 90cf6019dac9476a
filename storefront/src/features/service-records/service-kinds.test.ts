import { describe, expect, it } from 'vitest';
import { SERVICE_KINDS } from '../../../../cms/src/api/catalog/service-kinds';
import en from '~/i18n/en.json';
import ne from '~/i18n/ne.json';
import { SERVICE_KIND_CODES } from './service-kinds';

describe('the portal’s service kinds', () => {
  it('are the CMS’s, code for code and in its order', () => {
    // The portal validates forms and filters with its own list; a kind added to (or dropped
    // from) the CMS's catalogue without it would be refused, or offered and then refused.
    expect([...SERVICE_KIND_CODES]).toEqual(SERVICE_KINDS.map((kind) => kind.code));
  });

  it('each have a name in both languages', () => {
    for (const catalog of [en, ne]) {
      const names = catalog.serviceRecords.kinds as Record<string, string>;
      for (const code of SERVICE_KIND_CODES) expect(names[code], code).toBeTruthy();
    }
  });
});
