import { describe, expect, it } from 'vitest';
import { createTranslator } from './translate';

const translate = createTranslator({
  defaultLocale: 'en',
  catalogs: {
    en: { greeting: 'Hello, {name}', onlyEnglish: 'Only in English' },
    ne: { greeting: 'नमस्ते, {name}' },
  },
});

describe('createTranslator', () => {
  it('returns the message of the requested locale with placeholders filled', () => {
    expect(translate('ne', 'greeting', { name: 'सीता' })).toBe('नमस्ते, सीता');
  });

  it('falls back to the default locale when a locale lacks the message', () => {
    expect(translate('ne', 'onlyEnglish')).toBe('Only in English');
  });

  it('falls back to the key when no catalog has the message', () => {
    expect(translate('ne', 'home.unknown')).toBe('home.unknown');
  });

  it('leaves a placeholder without a value untouched', () => {
    expect(translate('en', 'greeting', { other: 1 })).toBe('Hello, {name}');
  });
});
