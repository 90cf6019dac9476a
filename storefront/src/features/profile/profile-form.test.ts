import { describe, expect, it } from 'vitest';
import {
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
    };

    expect(profileFormValues(profile, 'en')).toEqual({
      displayName: '',
      phone: '9812345678',
      preferredLocale: 'ne',
      channels: { email: true, sms: true },
    });
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
