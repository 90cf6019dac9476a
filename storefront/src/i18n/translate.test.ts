import { describe, expect, it } from 'vitest';
import { createTranslator } from './translate';

const translate = createTranslator({
  defaultLocale: 'en',
  catalogs: {
    en: {
      greeting: 'Hello, {name}',
      onlyEnglish: 'Only in English',
      garage: { title: 'My garage', empty: { title: 'No vehicles yet' } },
    },
    ne: { greeting: 'नमस्ते, {name}', garage: { title: 'मेरो ग्यारेज' } },
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

  it('reads nested messages by dotted key, falling back message by message', () => {
    expect(translate('ne', 'garage.title')).toBe('मेरो ग्यारेज');
    expect(translate('ne', 'garage.empty.title')).toBe('No vehicles yet');
    // A group is not a message; a path through a message leads nowhere.
    expect(translate('ne', 'garage.empty')).toBe('garage.empty');
    expect(translate('en', 'greeting.more')).toBe('greeting.more');
  });

  it('leaves a placeholder without a value untouched', () => {
    expect(translate('en', 'greeting', { other: 1 })).toBe('Hello, {name}');
  });
});
