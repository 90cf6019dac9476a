import { useEffect, useState, type FormEvent } from 'react';
import { interpolate } from '~/i18n/translate';
import { fieldDescription } from '~/features/forms/field-description';
import { numberFormat } from './catalog-fields';
import { PHOTO_FIELD, PHOTO_TYPES } from './photo-upload';
import UploadProgress from '~/components/forms/UploadProgress';
import { sendWithProgress } from '~/components/forms/send-with-progress';
import { afterUpload, isSent, uploadedTens } from '~/components/forms/upload-progress';

/** The upload form's texts, already in the page's language. */
export interface PhotoUploadText {
  label: string;
  hint: string;
  submit: string;
  /** The progress bar's name. */
  progress: string;
  /** With a `{percent}` placeholder. */
  uploading: string;
  /** Once every byte is sent, while the CMS stores the photos. */
  saving: string;
  errorPrefix: string;
}

interface Props {
  /** The vehicle page, which the form posts to. */
  action: string;
  /** The hidden CSRF field (its name and the visitor's token). */
  csrf: { name: string; token: string };
  locale: string;
  /** The page's digits, as the server resolved them for the locale. */
  numberingSystem: string;
  text: PhotoUploadText;
  /** Why the last upload was refused, shown at the file field. */
  error?: string;
}

/**
 * The photo upload form. Rendered on the server, it is an ordinary multipart form that posts
 * to the vehicle page. Once hydrated, it sends the same form with XMLHttpRequest, whose upload
 * events drive a progress bar, and then goes where the page redirected it; when the request
 * fails it posts the form the ordinary way instead.
 */
export default function PhotoUpload({ action, csrf, locale, numberingSystem, text, error }: Props) {
  const [enhanced, setEnhanced] = useState(false);
  // Bytes sent so far; undefined until an upload starts.
  const [sent, setSent] = useState<{ loaded: number; total: number }>();
  useEffect(() => setEnhanced(true), []);

  const upload = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sent !== undefined) return;
    const form = event.currentTarget;
    const { answer } = sendWithProgress(
      { method: 'POST', url: form.action, body: new FormData(form) },
      setSent,
    );
    answer.then(
      (answered) => {
        const next = afterUpload(answered, form.action);
        if (next === 'post-form') form.submit();
        else window.location.assign(next.goTo);
      },
      () => form.submit(),
    );
    setSent({ loaded: 0, total: 0 });
  };

  const percent = numberFormat(locale, numberingSystem);
  const progressText = ({ loaded, total }: { loaded: number; total: number }) =>
    interpolate(text.uploading, { percent: percent.format(uploadedTens(loaded, total)) });
  const { hintId, errorId, describedBy } = fieldDescription(PHOTO_FIELD, text.hint, error);
  return (
    <form
      className="form photo-upload"
      method="post"
      action={action}
      encType="multipart/form-data"
      noValidate
      onSubmit={enhanced ? upload : undefined}
    >
      <input type="hidden" name={csrf.name} value={csrf.token} />
      <input type="hidden" name="intent" value="add-photos" />
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={PHOTO_FIELD}>{text.label}</label>
        <p id={hintId} className="hint">
          {text.hint}
        </p>
        {error && (
          <p id={errorId} className="error-message">
            <span className="visually-hidden">{text.errorPrefix}</span> {error}
          </p>
        )}
        <input
          id={PHOTO_FIELD}
          name={PHOTO_FIELD}
          type="file"
          accept={PHOTO_TYPES}
          multiple
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
      <UploadProgress
        label={text.progress}
        sent={sent}
        status={sent ? (isSent(sent) ? text.saving : progressText(sent)) : ''}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={sent !== undefined}>
          {text.submit}
        </button>
      </div>
    </form>
  );
}
