import type { DocumentKind } from './document-input';

/** A document row as the database holds it. */
export interface DocumentRow {
  id: number;
  documentId: string;
  ownerId: number;
  status: 'pending' | 'ready';
  vehicle: string | null;
  serviceRecord: string | null;
  kind: DocumentKind | null;
  number: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  title: string | null;
  notes: string | null;
  uploadKey: string | null;
  storageKey: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A document as its owner sees it: no storage keys, no owner id. */
export interface DocumentView {
  id: string;
  kind: DocumentKind | null;
  vehicle: string | null;
  serviceRecord: string | null;
  number: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  title: string | null;
  notes: string | null;
  file: { name: string; type: string; size: number; sha256: string | null };
  createdAt: string;
  updatedAt: string;
}

const isoOrNull = (value: unknown) =>
  value === null || value === undefined ? null : String(value).slice(0, 10);

export function presentDocument(row: DocumentRow): DocumentView {
  return {
    id: row.documentId,
    kind: row.kind,
    vehicle: row.vehicle ?? null,
    serviceRecord: row.serviceRecord ?? null,
    number: row.number ?? null,
    issuedOn: isoOrNull(row.issuedOn),
    expiresOn: isoOrNull(row.expiresOn),
    title: row.title ?? null,
    notes: row.notes ?? null,
    file: { name: row.fileName, type: row.mime, size: Number(row.size), sha256: row.sha256 },
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
