import { describe, expect, it } from 'vitest';
import { parseLocale } from '~/i18n';
import en from '~/i18n/en.json';
import ne from '~/i18n/ne.json';
import { errorAt, pageTitle, showErrors } from './shown-errors';

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

describe('pageTitle', () => {
  it('is the heading alone without errors, and prefixed in the page language with them', () => {
    expect(pageTitle(parseLocale('en')!, 'Sign in', [])).toBe('Sign in');
    expect(pageTitle(parseLocale('en')!, 'Sign in', [{ message: 'x' }])).toBe(
      `${en.forms.errorPrefix} Sign in`,
    );
    expect(pageTitle(nepali, 'साइन इन', [{ message: 'x' }])).toBe(
      `${ne.forms.errorPrefix} साइन इन`,
    );
  });
});
