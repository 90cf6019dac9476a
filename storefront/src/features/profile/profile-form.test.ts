import { describe, expect, it } from 'vitest';
import {
  clockText,
  profileChanges,
  profileFormValues,
  validateProfileForm,
  type ProfileFormValues,
} from './profile-form';

const values = (overrides: Partial<ProfileFormValues> = {}): ProfileFormValues => ({
  displayName: 'Sita',
  phone: '9812345678',
  preferredLocale: 'ne',
  channels: { email: true, sms: false },
  quiet: { on: true, start: '21:00', end: '07:00' },
  ...overrides,
});

describe('profileFormValues', () => {
  it('fills the form from the stored profile, phone in local form', () => {
    const profile = {
      email: 'sita@example.com',
      displayName: null,
      phone: '+9779812345678',
      preferredLocale: 'ne',
      notificationChannels: { email: true, sms: true },
      quietHours: { start: '22:30', end: '06:00' },
    };

    expect(profileFormValues(profile, 'en')).toEqual({
      displayName: '',
      phone: '9812345678',
      preferredLocale: 'ne',
      channels: { email: true, sms: true },
      quiet: { on: true, start: '22:30', end: '06:00' },
    });
  });

  it('offers the default window, turned off, to an owner who chose no quiet hours', () => {
    const profile = {
      email: 'hari@example.com',
      preferredLocale: 'en',
      notificationChannels: { email: true, sms: false },
      quietHours: null,
    };
    expect(profileFormValues(profile, 'en').quiet).toEqual({
      on: false,
      start: '21:00',
      end: '07:00',
    });
  });
});

describe('quiet hours', () => {
  it('reads times as owners type them, in either script', () => {
    expect(clockText('२१:३०')).toBe('21:30');
    expect(clockText(' 7:00 ')).toBe('07:00');
    expect(clockText('6.15')).toBe('06:15');
    expect(clockText('25')).toBe('25');
  });

  it('refuses a time that is not HH:MM at its field, and an end equal to the start', () => {
    expect(validateProfileForm(values({ quiet: { on: true, start: '25:00', end: '7' } }))).toEqual([
      { field: 'quietStart', key: 'forms.errors.quietHoursTime' },
      { field: 'quietEnd', key: 'forms.errors.quietHoursTime' },
    ]);
    expect(
      validateProfileForm(values({ quiet: { on: true, start: '22:00', end: '22:00' } })),
    ).toEqual([{ field: 'quietEnd', key: 'forms.errors.quietHoursSame' }]);
    // Off, the times are not looked at.
    expect(validateProfileForm(values({ quiet: { on: false, start: '', end: 'x' } }))).toEqual([]);
  });

  it('sends the window when on, and null (no quiet hours) when off', () => {
    expect(profileChanges(values()).quietHours).toEqual({ start: '21:00', end: '07:00' });
    expect(
      profileChanges(values({ quiet: { on: false, start: '21:00', end: '07:00' } })).quietHours,
    ).toBeNull();
  });
});

describe('validateProfileForm', () => {
  it('accepts a valid profile', () => {
    expect(validateProfileForm(values())).toEqual([]);
  });

  it('refuses a number that is not a Nepal mobile, at the phone field', () => {
    expect(validateProfileForm(values({ phone: '12345' }))).toEqual([
      { field: 'phone', key: 'forms.errors.phone' },
    ]);
  });

  it('asks for a phone number before SMS reminders', () => {
    expect(
      validateProfileForm(values({ phone: '', channels: { email: false, sms: true } })),
    ).toEqual([{ field: 'phone', key: 'forms.errors.smsNeedsPhone' }]);
  });

  it('refuses a language the portal does not have and a name that is too long', () => {
    const errors = validateProfileForm(
      values({ preferredLocale: 'xx', displayName: 'a'.repeat(81) }),
    );

    expect(errors.map((error) => error.field)).toEqual(['displayName', 'preferredLocale']);
  });
});

describe('profileChanges', () => {
  it('sends the phone in stored form and clears it when emptied', () => {
    expect(profileChanges(values({ phone: '९८१२३४५६७८' })).phone).toBe('+9779812345678');
    expect(profileChanges(values({ phone: '' })).phone).toBeNull();
  });

  it('leaves an emptied name as it was', () => {
    expect(profileChanges(values({ displayName: '' }))).not.toHaveProperty('displayName');
  });
});
