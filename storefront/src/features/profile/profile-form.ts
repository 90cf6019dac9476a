import { isLocale } from '~/i18n';
import type { FormError } from '~/features/forms/form-errors';
import type { FormFields } from '~/features/forms/form-data';
import { toLatinDigits } from '~/features/forms/numbers';
import { normalizeNepalMobile, phoneForDisplay } from './phone';
import type { Profile, ProfileChanges } from './profile-api';

/** Longest display name the CMS accepts. */
export const DISPLAY_NAME_MAX_LENGTH = 80;

/** The profile form's fields as the owner sees and types them. */
export interface ProfileFormValues {
  displayName: string;
  phone: string;
  preferredLocale: string;
  channels: { email: boolean; sms: boolean };
  /** No SMS between `start` and `end` (Nepal time, `HH:MM`) when `on`. */
  quiet: { on: boolean; start: string; end: string };
}

/** The window the form offers when an owner turns quiet hours on: the platform's default. */
export const DEFAULT_QUIET_HOURS = { start: '21:00', end: '07:00' };

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The form filled in from a stored profile. */
export function profileFormValues(profile: Profile, pageLocale: string): ProfileFormValues {
  return {
    displayName: profile.displayName ?? '',
    phone: phoneForDisplay(profile.phone),
    preferredLocale: profile.preferredLocale ?? pageLocale,
    channels: { ...profile.notificationChannels },
    quiet: profile.quietHours
      ? { on: true, ...profile.quietHours }
      : { on: false, ...DEFAULT_QUIET_HOURS },
  };
}

/** A time as typed: Devanagari digits read as Latin ones, `7:00` as `07:00`, `.` as `:`. */
export function clockText(value: string): string {
  const text = toLatinDigits(value.trim()).replace('.', ':');
  return /^\d:\d\d$/.test(text) ? `0${text}` : text;
}

/** The form as the owner submitted it. */
export function readProfileForm(form: FormFields): ProfileFormValues {
  return {
    displayName: form.text('displayName'),
    phone: form.text('phone'),
    preferredLocale: form.text('preferredLocale'),
    channels: { email: form.checked('channelEmail'), sms: form.checked('channelSms') },
    quiet: {
      on: form.checked('quietOn'),
      start: clockText(form.text('quietStart')),
      end: clockText(form.text('quietEnd')),
    },
  };
}

/** What is wrong with a submitted profile before it goes to the CMS. */
export function validateProfileForm(values: ProfileFormValues): FormError[] {
  const errors: FormError[] = [];
  if (values.displayName.length > DISPLAY_NAME_MAX_LENGTH) {
    errors.push({ field: 'displayName', key: 'forms.errors.displayName' });
  }
  if (values.phone && !normalizeNepalMobile(values.phone)) {
    errors.push({ field: 'phone', key: 'forms.errors.phone' });
  } else if (!values.phone && values.channels.sms) {
    errors.push({ field: 'phone', key: 'forms.errors.smsNeedsPhone' });
  }
  if (!isLocale(values.preferredLocale)) {
    errors.push({ field: 'preferredLocale', key: 'forms.errors.preferredLocale' });
  }
  if (values.quiet.on) {
    if (!CLOCK.test(values.quiet.start)) {
      errors.push({ field: 'quietStart', key: 'forms.errors.quietHoursTime' });
    }
    if (!CLOCK.test(values.quiet.end)) {
      errors.push({ field: 'quietEnd', key: 'forms.errors.quietHoursTime' });
    } else if (values.quiet.end === values.quiet.start) {
      errors.push({ field: 'quietEnd', key: 'forms.errors.quietHoursSame' });
    }
  }
  return errors;
}

/**
 * The update to send for a valid form. An empty name is left as it was (the CMS keeps a name
 * once given); an empty phone clears it.
 */
export function profileChanges(values: ProfileFormValues): ProfileChanges {
  return {
    ...(values.displayName ? { displayName: values.displayName } : {}),
    phone: values.phone ? normalizeNepalMobile(values.phone) : null,
    preferredLocale: values.preferredLocale,
    notificationChannels: values.channels,
    quietHours: values.quiet.on ? { start: values.quiet.start, end: values.quiet.end } : null,
  };
}
