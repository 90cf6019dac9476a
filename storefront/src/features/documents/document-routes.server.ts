import type { APIContext } from 'astro';
import { defaultLocale, parseLocale, type Locale } from '~/i18n';
import { callContextOf } from '~/features/auth/auth.server';
import { readForm } from '~/features/forms/form-data';
import type { OwnerRequest } from '~/features/garage/vehicle-api';
import { accessProblem } from './document-uploads';
import { documentApi, documentTransfer, documentUploads } from './documents.server';

type RouteContext = Pick<APIContext, 'request' | 'locals' | 'url' | 'params'>;

const PRIVATE = { 'Cache-Control': 'private, no-store' };
const notFound = () => new Response('Not found', { status: 404, headers: PRIVATE });

function ownerOf(context: RouteContext): OwnerRequest | undefined {
  const session = context.locals.session;
  if (!session) return undefined;
  // The page's language (`?locale=`): dates in the details are read as that page shows them.
  const locale = parseLocale(context.url.searchParams.get('locale') ?? '') ?? defaultLocale;
  return { accessToken: session.accessToken, locale, context: callContextOf(context) };
}

/**
 * `POST /api/documents/uploads`: the island's presign request (a form with the CSRF token,
 * the document's details and the file's name, type and size). Answers JSON: the upload
 * target, or `{ error }` as `readPresignAnswer` reads it.
 */
export async function presignRoute(context: RouteContext): Promise<Response> {
  const owner = ownerOf(context);
  if (!owner) return Response.json({ error: 'signed-out' }, { status: 401, headers: PRIVATE });
  const form = await readForm(context.request);
  const answer = await documentUploads.presign(
    owner,
    form,
    owner.locale as Locale,
    context.locals.csrfToken,
  );
  return Response.json(answer.body, { status: answer.status, headers: PRIVATE });
}

/**
 * `PUT /api/documents/uploads/:uploadId?token=`: on the embedded default, the bytes of an
 * upload, streamed on to the CMS. The CSRF header was checked by the middleware, the size by
 * the body limit; the CMS checks the signed token, the type and the exact length.
 */
export async function uploadPutRoute(context: RouteContext): Promise<Response> {
  const owner = ownerOf(context);
  const uploadId = context.params.uploadId;
  if (!owner) return new Response('Unauthorized', { status: 401, headers: PRIVATE });
  if (!uploadId) return notFound();
  return documentTransfer.forwardUpload(
    context.request,
    uploadId,
    context.url.search,
    owner.accessToken,
    owner.context.requestId,
  );
}

/**
 * `GET /api/documents/:id/file` (`?download=1` to save it): the owner's document, fetched by
 * the portal through a short-lived link the CMS issues to that owner only, and streamed back.
 * Neither the owner's token nor the link reaches the browser. Another owner's id is a 404.
 */
export async function documentFileRoute(context: RouteContext): Promise<Response> {
  const owner = ownerOf(context);
  const id = context.params.id;
  if (!owner || !id) return notFound();
  const link = await documentApi.download(owner, id);
  if (!link.ok) {
    return accessProblem(link.problem)
      ? notFound()
      : new Response('Unavailable', { status: 502, headers: PRIVATE });
  }
  return documentTransfer.serveFile(
    link.data,
    context.url.searchParams.get('download') === '1',
    owner.context.requestId,
  );
}
