import { defaultLocale, parseLocale, type MessageKey } from '~/i18n';
import type { LargeBodyRoute } from '~/lib/body-limit';
import { paths } from '~/lib/paths';
import { DOCUMENT_MAX_BYTES } from './document-upload';

/** The query parameter a vault form's redirect sets after success. */
export const DOCUMENT_DONE_PARAM = 'done';
/** The query parameter that carries why an upload was refused (an `UploadError`). */
export const DOCUMENT_ERROR_PARAM = 'documentError';

const DONE = {
  uploaded: 'documents.vault.uploaded',
  updated: 'documents.vault.updated',
  deleted: 'documents.vault.deleted',
} as const satisfies Record<string, MessageKey>;

/** What a vault form just did, as `?done=` names it. */
export type VaultDone = keyof typeof DONE;

/** The `?done=` value, when a vault form sends it; nothing for any other value. */
export function vaultDone(value: string | null): VaultDone | undefined {
  return value !== null && Object.hasOwn(DONE, value) ? (value as VaultDone) : undefined;
}

/** The confirmation shown for it. */
export const vaultDoneMessage = (done: VaultDone): MessageKey => DONE[done];

/**
 * The vault page takes the whole file when the form is posted without JavaScript: one
 * document at the limit plus its details. A larger body comes back to the page, which says so.
 */
export const VAULT_UPLOAD_ROUTE: LargeBodyRoute = {
  path: /^\/[^/]+\/documents\/?$/,
  maxBytes: DOCUMENT_MAX_BYTES + 1024 * 1024,
  refusedTo: (url) => {
    const locale = parseLocale(url.pathname.split('/')[1]) ?? defaultLocale;
    return paths.documents(locale, { [DOCUMENT_ERROR_PARAM]: 'too-large' });
  },
};
