import { isSent, uploadedPercent } from './upload-progress';

interface Props {
  /** The progress bar's name (`Upload progress`). */
  label: string;
  /** Bytes sent so far; none before an upload starts (then only the empty live region shows). */
  sent?: { loaded: number; total: number };
  /**
   * What is happening, in words, read out as it changes (`Uploading: 40%`, `Saving…`); the
   * caller words it in steps a listener can follow.
   */
  status: string;
  /** Offered while bytes are still being sent. */
  cancel?: { label: string; onCancel: () => void };
}

/**
 * The progress of an upload: a progress bar (its value in whole percent, for assistive
 * technology too), the same in words in a polite live region, and a cancel button while the
 * bytes are on their way. The live region is there from the start, so that its first words
 * are read out. The photo and document uploads both show this.
 */
export default function UploadProgress({ label, sent, status, cancel }: Props) {
  const percent = sent ? uploadedPercent(sent.loaded, sent.total) : 0;
  return (
    <div className="upload-progress">
      {sent && (
        <progress
          max={100}
          value={percent}
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        />
      )}
      {/* Not a `status`, which on these pages is the confirmation. */}
      <p className="upload-progress-text" aria-live="polite">
        {status}
      </p>
      {sent && cancel && !isSent(sent) && (
        <button type="button" className="button button-secondary" onClick={cancel.onCancel}>
          {cancel.label}
        </button>
      )}
    </div>
  );
}
