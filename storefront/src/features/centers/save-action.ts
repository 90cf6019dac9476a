import type { FormFields } from '~/features/forms/form-data';

/** The fields of the save and unsave forms (POST, with the CSRF token). */
export const SAVE_FIELDS = { intent: 'intent', center: 'center' } as const;
/** The query parameter the redirect after saving sets: what was done. */
export const DONE_PARAM = 'done';
export type SaveIntent = 'save' | 'unsave';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A save or unsave form as posted, or null when it is not one (a forged or broken form). */
export function readSaveAction(form: FormFields): { intent: SaveIntent; centerId: string } | null {
  const intent = form.text(SAVE_FIELDS.intent);
  const centerId = form.text(SAVE_FIELDS.center);
  if ((intent !== 'save' && intent !== 'unsave') || !ID.test(centerId)) return null;
  return { intent, centerId };
}

/** The "done" value of an address, if it is one of ours. */
export function doneOf(params: URLSearchParams): SaveIntent | undefined {
  const done = params.get(DONE_PARAM);
  return done === 'save' || done === 'unsave' ? done : undefined;
}

/**
 * The address to go back to after an action: the page the form was on (its query kept, an
 * old "done" replaced by this one), so the finder keeps its filters and page.
 */
export function backAfter(url: URL, intent: SaveIntent): string {
  const params = new URLSearchParams(url.search);
  params.set(DONE_PARAM, intent);
  return `${url.pathname}?${params}`;
}
