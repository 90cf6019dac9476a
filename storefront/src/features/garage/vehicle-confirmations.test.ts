import { describe, expect, it } from 'vitest';
import { confirmationIn, confirmationOf } from './vehicle-confirmations';

describe('confirmationOf', () => {
  it('reads what a form did into the message and the section that shows it', () => {
    expect(confirmationOf('saved')).toEqual({ section: 'vehicle', key: 'garage.detail.saved' });
    expect(confirmationOf('reading')).toEqual({
      section: 'odometer',
      key: 'garage.odometer.added',
    });
    expect(confirmationOf('note-deleted')).toEqual({
      section: 'notes',
      key: 'garage.notes.deleted',
    });
    expect(confirmationOf('photos-added')).toEqual({
      section: 'photos',
      key: 'garage.photos.added',
    });
  });

  it.each([null, '', 'gremlins', 'toString', '__proto__', 'constructor'])(
    'shows nothing for %j, which no form sends',
    (value) => {
      expect(confirmationOf(value)).toBeUndefined();
    },
  );
});

describe('confirmationIn', () => {
  it('gives the message only to the section it belongs to', () => {
    const added = confirmationOf('note-added');

    expect(confirmationIn(added, 'notes')).toBe('garage.notes.added');
    expect(confirmationIn(added, 'photos')).toBeUndefined();
    expect(confirmationIn(undefined, 'notes')).toBeUndefined();
  });
});
