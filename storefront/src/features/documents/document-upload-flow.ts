import { afterUpload } from '~/components/forms/upload-progress';
import type { SendingRequest, SentAnswer } from '~/components/forms/send-with-progress';
import {
  declaredType,
  DOCUMENT_FILE_FIELD,
  fileRefusal,
  readPresignAnswer,
  type UploadError,
  type UploadEvent,
  type UploadTarget,
} from './document-upload';

/** How the flow reaches the network; the island passes `fetch` and XHR, a test its own. */
export interface UploadTransport {
  /** POSTs a form; the answer's status and parsed JSON body (undefined when not JSON). */
  presign(
    url: string,
    form: FormData,
    signal: AbortSignal,
  ): Promise<{ status: number; body: unknown }>;
  /** Sends the file's bytes where the presign answer said, reporting progress. */
  put(
    target: UploadTarget,
    file: File,
    onProgress: (sent: { loaded: number; total: number }) => void,
  ): SendingRequest;
  /** POSTs the finalise form; the status and the URL the answer ended at (redirects followed). */
  finalise(url: string, form: FormData, signal: AbortSignal): Promise<SentAnswer>;
}

/** What a started upload needs: the file, the form's other fields, where the form posts. */
export interface UploadRequest {
  file: File | undefined;
  /** The form's fields as the browser would post them (the file field is dropped). */
  fields: FormData;
  /** The form's action: the page that finalises. */
  action: string;
  presignAction: string;
  csrf: { name: string; token: string };
  maxBytes: number;
}

/** How an upload ended: go to the page's answer, or a refusal to show at the file field. */
export type UploadOutcome = { goTo: string } | { error: UploadError } | 'cancelled';

/**
 * Presign → PUT → finalise, reporting each step through `report` (for `nextUploadStep`).
 * Returns how it ended; `cancel` stops whichever request is on its way, and no later step
 * starts after it.
 */
export function uploadDocument(
  request: UploadRequest,
  transport: UploadTransport,
  report: (event: UploadEvent) => void,
): { outcome: Promise<UploadOutcome>; cancel: () => void } {
  const aborter = new AbortController();
  let stopPut: (() => void) | undefined;
  let started = false;
  const cancel = () => {
    aborter.abort();
    stopPut?.();
    report({ type: 'cancel' });
  };
  const run = async (): Promise<UploadOutcome> => {
    const { file } = request;
    const refusal = fileRefusal(file, request.maxBytes);
    if (refusal || !file) return { error: refusal ?? 'none' };
    report({ type: 'start' });
    started = true;
    const ask = new FormData();
    // The document's details go along, so the portal checks them before any byte is sent.
    for (const [name, value] of request.fields) {
      if (typeof value === 'string' && name !== 'intent' && name !== request.csrf.name) {
        ask.append(name, value);
      }
    }
    ask.append(request.csrf.name, request.csrf.token);
    ask.append('intent', 'presign-document');
    ask.append('fileName', file.name);
    ask.append('contentType', declaredType(file)!);
    ask.append('size', String(file.size));
    const presigned = await request_(() =>
      transport.presign(request.presignAction, ask, aborter.signal),
    );
    if (presigned === 'cancelled') return presigned;
    const target = readPresignAnswer(presigned.status, presigned.body);
    if ('error' in target) return target;
    report({ type: 'presigned', total: file.size });
    const sending = transport.put(target, file, ({ loaded, total }) =>
      report({ type: 'progress', loaded, total }),
    );
    stopPut = sending.abort;
    const put = await request_(() => sending.answer);
    if (put === 'cancelled') return put;
    if (put.status < 200 || put.status >= 300) return { error: 'failed' };
    report({ type: 'sent' });
    const finalise = new FormData();
    for (const [name, value] of request.fields) {
      if (name !== DOCUMENT_FILE_FIELD) finalise.append(name, value);
    }
    finalise.set('intent', 'finalise-document');
    finalise.set('uploadId', target.uploadId);
    // Not cancellable from here on: the CMS may already be keeping the file.
    const answered = await transport.finalise(
      request.action,
      finalise,
      new AbortController().signal,
    );
    const next = afterUpload(answered, request.action);
    return next === 'post-form' ? { error: 'failed' } : next;
  };
  /** A request that a cancel may abort: its answer, or `cancelled`. */
  const request_ = async <T>(send: () => Promise<T>): Promise<T | 'cancelled'> => {
    try {
      const answer = await send();
      return aborter.signal.aborted ? 'cancelled' : answer;
    } catch (error) {
      if (aborter.signal.aborted) return 'cancelled';
      throw error;
    }
  };
  const outcome = run().then(
    (result) => {
      // A file refused before anything was sent never started: there is no step to fail.
      if (started && typeof result === 'object' && 'error' in result) {
        report({ type: 'fail', error: result.error });
      }
      return result;
    },
    () => {
      report({ type: 'fail', error: 'failed' });
      return { error: 'failed' as const };
    },
  );
  return { outcome, cancel };
}
