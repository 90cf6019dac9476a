import { t, type Locale } from '~/i18n';
import { localeDigits } from '~/i18n/digits';
import { DOCUMENT_MAX_BYTES, UPLOAD_ERROR_MESSAGES, type UploadError } from './document-upload';

/** The upload island's texts, already in the page's language (the island gets no catalogs). */
export interface DocumentUploadText {
  label: string;
  hint: string;
  submit: string;
  /** The progress bar's name. */
  progress: string;
  /** With a `{percent}` placeholder. */
  uploading: string;
  /** Once every byte is sent, while the CMS checks the file. */
  saving: string;
  cancel: string;
  cancelled: string;
  errorPrefix: string;
  /** The preview picture's alternative text, with `{name}`. */
  preview: string;
  /** The chosen file, with `{name}` and `{size}`. */
  chosen: string;
  /** With `{size}`. */
  megabytes: string;
  kilobytes: string;
  errors: Record<UploadError, string>;
}

/** The upload island's texts in a locale, for a vault that takes files of up to `maxBytes`. */
export function documentUploadText(
  locale: Locale,
  maxBytes = DOCUMENT_MAX_BYTES,
): DocumentUploadText {
  const max = localeDigits(String(Math.floor(maxBytes / 1024 / 1024)), locale);
  const errors = Object.fromEntries(
    Object.entries(UPLOAD_ERROR_MESSAGES).map(([code, key]) => [code, t(locale, key, { max })]),
  ) as Record<UploadError, string>;
  return {
    label: t(locale, 'documents.upload.file'),
    hint: t(locale, 'documents.upload.fileHint', { max }),
    submit: t(locale, 'documents.upload.submit'),
    progress: t(locale, 'documents.upload.progress'),
    uploading: t(locale, 'documents.upload.uploading'),
    saving: t(locale, 'documents.upload.saving'),
    cancel: t(locale, 'documents.upload.cancel'),
    cancelled: t(locale, 'documents.upload.cancelled'),
    errorPrefix: t(locale, 'forms.errorPrefix'),
    preview: t(locale, 'documents.upload.preview'),
    chosen: t(locale, 'documents.upload.chosen'),
    megabytes: t(locale, 'documents.upload.megabytes'),
    kilobytes: t(locale, 'documents.upload.kilobytes'),
    errors,
  };
}
