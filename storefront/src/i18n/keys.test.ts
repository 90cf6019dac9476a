import { describe, expect, it } from 'vitest';
import { findMissingKeys, lookupMessage, messageKeys } from './keys';

describe('messageKeys', () => {
  it('lists nested messages as dotted paths', () => {
    const catalog = { site: { name: 'MotorGhar' }, home: { features: { title: 'Features' } } };

    expect(messageKeys(catalog)).toEqual(['site.name', 'home.features.title']);
  });
});

describe('findMissingKeys', () => {
  it('reports a key that one locale has and the other lacks', () => {
    const catalogs = {
      en: { nav: { home: 'Home', about: 'About' } },
      ne: { nav: { home: 'गृहपृष्ठ' } },
    };

    expect(findMissingKeys(catalogs)).toEqual({ en: [], ne: ['nav.about'] });
  });

  it('reports nested keys missing on either side', () => {
    const catalogs = {
      en: { home: { features: { garage: { title: 'My garage' } } } },
      ne: { home: { features: { reminders: { title: 'रिमाइन्डरहरू' } } } },
    };

    expect(findMissingKeys(catalogs)).toEqual({
      en: ['home.features.reminders.title'],
      ne: ['home.features.garage.title'],
    });
  });

  it('treats a message where another locale has a group as a different key', () => {
    const catalogs = { en: { about: { title: 'About' } }, ne: { about: 'बारेमा' } };

    expect(findMissingKeys(catalogs)).toEqual({ en: ['about'], ne: ['about.title'] });
  });

  it('compares every locale against all the others', () => {
    const catalogs = { en: { a: '1', b: '2' }, ne: { a: '१' }, hi: { c: '३' } };

    expect(findMissingKeys(catalogs)).toEqual({ en: ['c'], ne: ['b', 'c'], hi: ['a', 'b'] });
  });

  it('reports nothing when the catalogs match', () => {
    expect(findMissingKeys({ en: { a: { b: 'x' } }, ne: { a: { b: 'य' } } })).toEqual({
      en: [],
      ne: [],
    });
  });
});

describe('lookupMessage', () => {
  const catalog = { home: { title: 'Your garage, online' } };

  it('reads a message at a dotted path', () => {
    expect(lookupMessage(catalog, 'home.title')).toBe('Your garage, online');
  });

  it('gives undefined for a missing path or a group of messages', () => {
    expect(lookupMessage(catalog, 'home.lead')).toBeUndefined();
    expect(lookupMessage(catalog, 'home')).toBeUndefined();
    expect(lookupMessage(catalog, 'home.title.more')).toBeUndefined();
  });
});
