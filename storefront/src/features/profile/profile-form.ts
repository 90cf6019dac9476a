import { isLocale } from '~/i18n';
import type { FormError } from '~/features/forms/form-errors';
import type { FormFields } from '~/features/forms/form-data';
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
}

/** The form filled in from a stored profile. */
export function profileFormValues(profile: Profile, pageLocale: string): ProfileFormValues {
  return {
    displayName: profile.displayName ?? '',
    phone: phoneForDisplay(profile.phone),
    preferredLocale: profile.preferredLocale ?? pageLocale,
    channels: { ...profile.notificationChannels },
  };
}

/** The form as the owner submitted it. */
export function readProfileForm(form: FormFields): ProfileFormValues {
  return {
    displayName: form.text('displayName'),
    phone: form.text('phone'),
    preferredLocale: form.text('preferredLocale'),
    channels: { email: form.checked('channelEmail'), sms: form.checked('channelSms') },
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
  };
}
