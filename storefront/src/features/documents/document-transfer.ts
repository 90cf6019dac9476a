import { CSRF_HEADER } from '~/features/auth/csrf';
import type { LargeBodyEndpoint } from '~/lib/body-limit';
import type { CmsUploadTarget, DownloadLink } from './document-api';
import type { UploadTarget } from './document-upload';
import { DOCUMENT_MAX_BYTES } from './document-upload';

/**
 * The portal route that takes an upload's bytes on the embedded default and forwards them to
 * the CMS: the same path as the CMS's own (`/api/documents/uploads/:uploadId?token=`).
 */
export const DOCUMENT_PUT_ROUTE = /^\/api\/documents\/uploads\/[a-z][a-z0-9]{23}$/;

/** The route's body limit: one document at the CMS's limit; a larger body is a 413. */
export const DOCUMENT_PUT_LARGE_BODY: LargeBodyEndpoint = {
  path: DOCUMENT_PUT_ROUTE,
  maxBytes: DOCUMENT_MAX_BYTES,
};

/** Whether a path is the one route that takes a raw (non-form) body, with the CSRF header. */
export const takesRawBody = (pathname: string) => DOCUMENT_PUT_ROUTE.test(pathname);

/**
 * The upload target the browser gets. A bucket URL (S3/MinIO) passes unchanged: the browser
 * PUTs there itself. A CMS path (the embedded default) becomes the portal's route of the
 * same path, which forwards the body: the browser never talks to the CMS. That route is an
 * unsafe request to the portal, so it carries the CSRF token in a header.
 */
export function browserUploadTarget(target: CmsUploadTarget, csrfToken: string): UploadTarget {
  const { uploadId, url, headers } = target;
  if (!url.startsWith('/')) return { uploadId, url, method: 'PUT', headers };
  return { uploadId, url, method: 'PUT', headers: { ...headers, [CSRF_HEADER]: csrfToken } };
}

export interface TransferOptions {
  /** The CMS's base URL (server side). */
  cmsUrl: string;
  fetch?: typeof fetch;
  /** How long an upload may take to reach the CMS: 10 MB on a slow phone link. */
  uploadTimeoutMs?: number;
}

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** The headers of a document's file as the portal serves it. */
function fileHeaders(upstream: Headers, download: boolean): Headers {
  const headers = new Headers({
    'Content-Type': upstream.get('content-type') ?? 'application/octet-stream',
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  const length = upstream.get('content-length');
  if (length) headers.set('Content-Length', length);
  const disposition = upstream.get('content-disposition');
  if (disposition) {
    headers.set(
      'Content-Disposition',
      download ? disposition.replace(/^inline/i, 'attachment') : disposition,
    );
  }
  return headers;
}

/**
 * Moves a document's bytes between the browser and the CMS's private store, never handing
 * the browser the owner's token or a CMS address:
 * - `forwardUpload`: the raw PUT of the embedded default, streamed to the CMS route (the
 *   signed `token` in the query is its permission, with the owner's token beside it), its
 *   declared length required and at most the limit, never more bytes than declared;
 * - `serveFile`: a short-lived download link fetched by the portal and streamed back.
 */
export function createDocumentTransfer({
  cmsUrl,
  fetch: fetchImpl = fetch,
  uploadTimeoutMs = 10 * 60_000,
}: TransferOptions) {
  return {
    async forwardUpload(
      request: Request,
      uploadId: string,
      search: string,
      accessToken: string,
      requestId: string,
    ): Promise<Response> {
      const length = Number(request.headers.get('content-length') ?? NaN);
      if (!Number.isSafeInteger(length) || length < 0) return plain(411, 'Length Required');
      if (length > DOCUMENT_MAX_BYTES) return plain(413, 'Payload Too Large');
      const token = new URLSearchParams(search).get('token') ?? '';
      const target = new URL(`/api/documents/uploads/${encodeURIComponent(uploadId)}`, cmsUrl);
      target.searchParams.set('token', token);
      const headers: Record<string, string> = {
        'Content-Length': String(length),
        Authorization: `Bearer ${accessToken}`,
        'X-Request-Id': requestId,
      };
      const type = request.headers.get('content-type');
      if (type) headers['Content-Type'] = type;
      try {
        const answer = await fetchImpl(target, {
          method: 'PUT',
          headers,
          // Sent with the declared length: fetch (undici) fails a body that runs longer than it.
          body: request.body,
          // @ts-expect-error Node's fetch needs this for a streamed body; the DOM type lacks it.
          duplex: 'half',
          signal: AbortSignal.timeout(uploadTimeoutMs),
        });
        await answer.body?.cancel();
        return new Response(null, { status: answer.status });
      } catch {
        return plain(502, 'Bad Gateway');
      }
    },

    /**
     * Sends a whole file (the form posted without JavaScript) where the CMS said: its own
     * route (with the owner's token) or the bucket's presigned URL. Answers the status.
     */
    async putFile(
      target: CmsUploadTarget,
      file: Blob,
      accessToken: string,
      requestId: string,
    ): Promise<number> {
      const local = target.url.startsWith('/');
      const url = local ? new URL(target.url, cmsUrl) : new URL(target.url);
      const headers = new Headers(target.headers);
      if (local) {
        headers.set('X-Request-Id', requestId);
        headers.set('Authorization', `Bearer ${accessToken}`);
      }
      try {
        const answer = await fetchImpl(url, {
          method: 'PUT',
          headers,
          body: file,
          signal: AbortSignal.timeout(uploadTimeoutMs),
        });
        await answer.body?.cancel();
        return answer.status;
      } catch {
        return 502;
      }
    },

    async serveFile(link: DownloadLink, download: boolean, requestId: string): Promise<Response> {
      const url = link.url.startsWith('/') ? new URL(link.url, cmsUrl) : new URL(link.url);
      try {
        const upstream = await fetchImpl(url, {
          headers: { 'X-Request-Id': requestId },
          signal: AbortSignal.timeout(30_000),
        });
        if (!upstream.ok || !upstream.body) {
          await upstream.body?.cancel();
          return plain(upstream.status === 404 ? 404 : 502, 'Not available');
        }
        return new Response(upstream.body, {
          status: 200,
          headers: fileHeaders(upstream.headers, download),
        });
      } catch {
        return plain(502, 'Bad Gateway');
      }
    },
  };
}

export type DocumentTransfer = ReturnType<typeof createDocumentTransfer>;
