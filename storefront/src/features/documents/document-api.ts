import { z } from 'astro/zod';
import type { CmsApi, CmsResult } from '~/lib/cms-api';
import { routePath } from '~/features/garage/vehicle-api';
import type { OwnerRequest, Page, PageQuery } from '~/features/garage/vehicle-api';

/** The kinds of document the vault keeps (cms/src/api/document/document-input.ts). */
export const DOCUMENT_KINDS = [
  'bluebook',
  'insurance',
  'pollution',
  'route-permit',
  'driving-licence',
  'tax-receipt',
  'service-invoice',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const isDocumentKind = (value: string): value is DocumentKind =>
  (DOCUMENT_KINDS as readonly string[]).includes(value);

const vaultDocument = z.object({
  id: z.string(),
  // A kind the portal does not know yet (added to the CMS later) reads as "other".
  kind: z.enum(DOCUMENT_KINDS).nullable().catch('other'),
  vehicle: z.string().nullable(),
  serviceRecord: z.string().nullish(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  title: z.string().nullable(),
  notes: z.string().nullable(),
  file: z.object({ name: z.string(), type: z.string(), size: z.number() }),
  createdAt: z.string(),
  updatedAt: z.string().optional(),
});

/** A document of the owner's vault, as the CMS shows it to its owner. */
export type VaultDocument = z.infer<typeof vaultDocument>;

const uploadTarget = z.object({
  uploadId: z.string(),
  url: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string()).default({}),
  expiresAt: z.string().optional(),
  maxBytes: z.number().optional(),
});

/** Where the CMS wants an upload's bytes: its own route (a path) or a presigned bucket URL. */
export type CmsUploadTarget = z.infer<typeof uploadTarget>;

const downloadLink = z.object({ url: z.string(), expiresAt: z.string().optional() });

/** A short-lived link to a document's file: a CMS path (embedded default) or a bucket URL. */
export type DownloadLink = z.infer<typeof downloadLink>;

const one = <T extends z.ZodTypeAny>(item: T) => z.object({ data: item });
const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    data: z.array(item),
    meta: z
      .object({
        pagination: z.object({ nextCursor: z.string().nullish() }).passthrough(),
      })
      .default({ pagination: { nextCursor: null } }),
  });

/** What the owner is about to upload (`POST /api/documents/uploads`). */
export interface UploadRequest {
  fileName: string;
  contentType: string;
  size: number;
  kind?: DocumentKind;
  vehicle?: string;
}

/** What a document is: its kind, number, dates, the vehicle it belongs to. */
export interface DocumentDetails {
  kind: DocumentKind;
  vehicle: string | null;
  number: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  title: string | null;
  notes: string | null;
}

/** Which documents to list. */
export interface DocumentFilter extends PageQuery {
  vehicle?: string;
}

/** The owner's document routes of the CMS, typed. */
export interface DocumentApi {
  list(owner: OwnerRequest, filter?: DocumentFilter): Promise<CmsResult<Page<VaultDocument>>>;
  get(owner: OwnerRequest, id: string): Promise<CmsResult<VaultDocument>>;
  presign(owner: OwnerRequest, request: UploadRequest): Promise<CmsResult<CmsUploadTarget>>;
  finalise(
    owner: OwnerRequest,
    uploadId: string,
    details: DocumentDetails,
  ): Promise<CmsResult<VaultDocument>>;
  update(
    owner: OwnerRequest,
    id: string,
    details: DocumentDetails,
  ): Promise<CmsResult<VaultDocument>>;
  remove(owner: OwnerRequest, id: string): Promise<CmsResult<unknown>>;
  download(owner: OwnerRequest, id: string): Promise<CmsResult<DownloadLink>>;
}

/** Binds the document routes to a CMS caller. Ids are path-encoded. */
export function createDocumentApi(call: CmsApi): DocumentApi {
  const send = <T>(
    owner: OwnerRequest,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    body?: unknown,
  ) => call({ method, path, body, schema, token: owner.accessToken, context: owner.context });
  const unwrap = <T>(result: CmsResult<{ data: T }>): CmsResult<T> =>
    result.ok ? { ok: true, data: result.data.data } : result;
  const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;
  const at = (owner: OwnerRequest, path: string) => routePath(path, owner.locale);

  return {
    async list(owner, { vehicle, ...page } = {}) {
      const path = routePath('/api/documents', owner.locale, page);
      const withVehicle = vehicle ? `${path}&vehicle=${encodeURIComponent(vehicle)}` : path;
      const result = await send(owner, 'GET', withVehicle, pageOf(vaultDocument));
      if (!result.ok) return result;
      const { data, meta } = result.data;
      return { ok: true, data: { items: data, nextCursor: meta.pagination.nextCursor ?? null } };
    },
    get: async (owner, id) =>
      unwrap(await send(owner, 'GET', at(owner, documentPath(id)), one(vaultDocument))),
    presign: async (owner, request) =>
      unwrap(
        await send(owner, 'POST', at(owner, '/api/documents/uploads'), one(uploadTarget), {
          data: request,
        }),
      ),
    finalise: async (owner, uploadId, details) =>
      unwrap(
        await send(owner, 'POST', at(owner, '/api/documents'), one(vaultDocument), {
          data: { uploadId, ...details },
        }),
      ),
    update: async (owner, id, details) =>
      unwrap(
        await send(owner, 'PUT', at(owner, documentPath(id)), one(vaultDocument), {
          data: details,
        }),
      ),
    remove: (owner, id) => send(owner, 'DELETE', at(owner, documentPath(id)), z.unknown()),
    download: async (owner, id) =>
      unwrap(
        await send(owner, 'GET', at(owner, `${documentPath(id)}/download`), one(downloadLink)),
      ),
  };
}
