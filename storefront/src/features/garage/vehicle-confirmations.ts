import type { MessageKey } from '~/i18n';

/** The parts of the vehicle page a confirmation can appear in, next to the form it confirms. */
export type VehicleSection = 'vehicle' | 'photos' | 'odometer' | 'notes';

/** The message a form's success shows after the redirect, and where. */
export interface Confirmation {
  section: VehicleSection;
  key: MessageKey;
}

/**
 * What each form on the page did, by the value its redirect puts in `?done=`. A new form's
 * value must say what it shows: the `satisfies` makes a missing one a type error.
 */
const CONFIRMATIONS = {
  saved: { section: 'vehicle', key: 'garage.detail.saved' },
  reading: { section: 'odometer', key: 'garage.odometer.added' },
  'note-added': { section: 'notes', key: 'garage.notes.added' },
  'note-updated': { section: 'notes', key: 'garage.notes.updated' },
  'note-deleted': { section: 'notes', key: 'garage.notes.deleted' },
  'photos-added': { section: 'photos', key: 'garage.photos.added' },
  'photo-deleted': { section: 'photos', key: 'garage.photos.deleted' },
} as const satisfies Record<string, Confirmation>;

/** What was just done, as the `?done=` query parameter names it. */
export type Done = keyof typeof CONFIRMATIONS;

/** The query parameter a successful form's redirect sets. */
export const DONE_PARAM = 'done';

/** The confirmation for a `?done=` value; nothing for a value no form sends. */
export function confirmationOf(value: string | null): Confirmation | undefined {
  // `Object.hasOwn`: the value is whatever the address bar says (`toString`, `__proto__`).
  if (value === null || !Object.hasOwn(CONFIRMATIONS, value)) return undefined;
  return CONFIRMATIONS[value as Done];
}

/** The message to show in one section, when the confirmation belongs there. */
export function confirmationIn(
  confirmation: Confirmation | undefined,
  section: VehicleSection,
): MessageKey | undefined {
  return confirmation?.section === section ? confirmation.key : undefined;
}
