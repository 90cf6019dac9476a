import {
  useEffect,
  useReducer,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type ReactNode,
} from 'react';
import UploadProgress from '~/components/forms/UploadProgress';
import { sendWithProgress } from '~/components/forms/send-with-progress';
import { uploadedTens } from '~/components/forms/upload-progress';
import { fieldDescription } from '~/features/forms/field-description';
import { interpolate } from '~/i18n/translate';
import {
  DOCUMENT_ACCEPT,
  DOCUMENT_FILE_FIELD,
  DOCUMENT_MAX_BYTES,
  fileRefusal,
  fileSize,
  nextUploadStep,
  previewKind,
  type UploadStep,
} from './document-upload';
import { uploadDocument, type UploadTransport } from './document-upload-flow';
import type { DocumentUploadText } from './document-upload-text';

interface Props {
  /** The page the form posts to: the whole form, file included, without JavaScript; the finalise step with it. */
  action: string;
  /** The portal route that asks the CMS for an upload URL (answers JSON, see the README). */
  presignAction: string;
  /** The hidden CSRF field (its name and the visitor's token). */
  csrf: { name: string; token: string };
  /** The page's digits, as the server resolved them for the locale. */
  locale: string;
  numberingSystem: string;
  maxBytes?: number;
  text: DocumentUploadText;
  /** Why the last upload was refused, shown at the file field. */
  error?: string;
  /** The form's other fields (kind, number, dates), rendered by the page. */
  children?: ReactNode;
}

/** The browser's way to the portal (fetch) and to the upload URL (XHR, for its progress). */
const BROWSER_TRANSPORT: UploadTransport = {
  async presign(url, form, signal) {
    const answer = await fetch(url, { method: 'POST', body: form, signal });
    return { status: answer.status, body: await answer.json().catch(() => undefined) };
  },
  put: (target, file, onProgress) =>
    sendWithProgress(
      { method: target.method, url: target.url, headers: target.headers, body: file },
      onProgress,
    ),
  async finalise(url, form, signal) {
    const answer = await fetch(url, { method: 'POST', body: form, signal });
    return { status: answer.status, url: answer.url };
  },
};

interface Chosen {
  name: string;
  size: string;
  /** An object URL of the file itself, for the image types a browser can draw. */
  url?: string;
}

/**
 * The document upload form. Rendered on the server it is an ordinary multipart form that
 * posts the file with the document's fields to the page. Once hydrated it checks the file
 * first, previews it, then asks the portal for an upload URL, PUTs the bytes there with a
 * progress bar (and a cancel button), and finalises by posting the other fields with the
 * upload's id; the page answers that with a redirect, which the browser follows.
 */
export default function DocumentUpload({
  action,
  presignAction,
  csrf,
  locale,
  numberingSystem,
  maxBytes = DOCUMENT_MAX_BYTES,
  text,
  error,
  children,
}: Props) {
  const [enhanced, setEnhanced] = useState(false);
  const [step, dispatch] = useReducer(nextUploadStep, { step: 'idle' } as UploadStep);
  const [chosen, setChosen] = useState<Chosen>();
  const [fileError, setFileError] = useState<string | undefined>(error);
  const input = useRef<HTMLInputElement>(null);
  const stop = useRef<() => void>(undefined);
  useEffect(() => setEnhanced(true), []);
  // The preview's object URL holds the file in memory until it is revoked.
  useEffect(
    () => () => {
      if (chosen?.url) URL.revokeObjectURL(chosen.url);
    },
    [chosen],
  );

  const digits = new Intl.NumberFormat(locale, { numberingSystem, maximumFractionDigits: 1 });
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    const refusal = fileRefusal(file, maxBytes);
    setFileError(refusal && refusal !== 'none' ? text.errors[refusal] : undefined);
    if (!file || refusal) return setChosen(undefined);
    const size = fileSize(file.size);
    setChosen({
      name: file.name,
      size: interpolate(size.unit === 'MB' ? text.megabytes : text.kilobytes, {
        size: digits.format(size.value),
      }),
      url: previewKind(file) === 'image' ? URL.createObjectURL(file) : undefined,
    });
  };

  const upload = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    setFileError(undefined);
    const { outcome, cancel } = uploadDocument(
      {
        file: input.current?.files?.[0],
        fields: new FormData(form),
        action: form.action,
        presignAction,
        csrf,
        maxBytes,
      },
      BROWSER_TRANSPORT,
      dispatch,
    );
    stop.current = cancel;
    void outcome.then((ended) => {
      if (ended === 'cancelled') return;
      if ('goTo' in ended) return window.location.assign(ended.goTo);
      if (ended.error === 'details') {
        // The page shows which detail is wrong: post the form without the file to see it.
        if (input.current) input.current.value = '';
        return form.submit();
      }
      setFileError(text.errors[ended.error]);
      input.current?.focus();
    });
  };

  const cancel = () => stop.current?.();

  const busy = step.step === 'presigning' || step.step === 'sending' || step.step === 'finalising';
  const sent =
    step.step === 'sending'
      ? step
      : step.step === 'presigning'
        ? { loaded: 0, total: 0 }
        : undefined;
  const status =
    step.step === 'sending' || step.step === 'presigning'
      ? interpolate(text.uploading, {
          percent: digits.format(sent ? uploadedTens(sent.loaded, sent.total) : 0),
        })
      : step.step === 'finalising'
        ? text.saving
        : step.step === 'cancelled'
          ? text.cancelled
          : '';
  const { hintId, errorId, describedBy } = fieldDescription(
    DOCUMENT_FILE_FIELD,
    text.hint,
    fileError,
  );
  return (
    <form
      className="form document-upload"
      method="post"
      action={action}
      encType="multipart/form-data"
      noValidate
      onSubmit={enhanced ? upload : undefined}
    >
      <input type="hidden" name={csrf.name} value={csrf.token} />
      <input type="hidden" name="intent" value="upload-document" />
      {children}
      <div className={fileError ? 'field field-invalid' : 'field'}>
        <label htmlFor={DOCUMENT_FILE_FIELD}>{text.label}</label>
        <p id={hintId} className="hint">
          {text.hint}
        </p>
        {fileError && (
          <p id={errorId} className="error-message">
            <span className="visually-hidden">{text.errorPrefix}</span> {fileError}
          </p>
        )}
        <input
          ref={input}
          id={DOCUMENT_FILE_FIELD}
          name={DOCUMENT_FILE_FIELD}
          type="file"
          accept={DOCUMENT_ACCEPT}
          onChange={choose}
          disabled={busy}
          aria-describedby={describedBy}
          aria-invalid={fileError ? 'true' : undefined}
        />
      </div>
      {chosen && (
        <figure className="document-preview">
          {chosen.url ? (
            <img src={chosen.url} alt={interpolate(text.preview, { name: chosen.name })} />
          ) : (
            <svg viewBox="0 0 24 24" width="48" height="48" aria-hidden="true" focusable="false">
              <path d="M6 2h8l5 5v15H6z M14 2v5h5 M9 13h7 M9 17h7" />
            </svg>
          )}
          <figcaption>
            {interpolate(text.chosen, { name: chosen.name, size: chosen.size })}
          </figcaption>
        </figure>
      )}
      <UploadProgress
        label={text.progress}
        sent={sent}
        status={status}
        cancel={
          busy && step.step !== 'finalising' ? { label: text.cancel, onCancel: cancel } : undefined
        }
      />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {text.submit}
        </button>
      </div>
    </form>
  );
}
