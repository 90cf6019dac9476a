import { describe, expect, it } from 'vitest';
import { parseLocale } from '../../i18n';
import ne from '../../i18n/ne.json';
import { errorAt, showErrors } from './shown-errors';

const nepali = parseLocale('ne')!;

describe('showErrors', () => {
  it('translates errors and writes numbers in Nepali digits', () => {
    const shown = showErrors(nepali, [
      { key: 'forms.errors.rateLimited', params: { minutes: 15 } },
      { field: 'phone', key: 'forms.errors.phone' },
    ]);

    expect(shown[0]!.message).toBe(ne.forms.errors.rateLimited.replace('{minutes}', '१५'));
    expect(errorAt(shown, 'phone')).toBe(ne.forms.errors.phone);
    expect(errorAt(shown, 'email')).toBeUndefined();
  });
});
