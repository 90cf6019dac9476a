// zod/v4: the OpenAPI document's request bodies are generated from these very schemas.
import { z } from 'zod/v4';
import { DOCUMENT_TYPES } from './rules/file-kind';

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

/** A Strapi 5 documentId: 24 lower-case letters and digits, a letter first. */
const documentId = z
  .string()
  .regex(/^[a-z][a-z0-9]{23}$/, { message: 'must be an id of 24 lower-case letters and digits' });

const isCalendarDay = (value: string) => {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
};

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD', abort: true })
  .refine(isCalendarDay, { message: 'must be a real date', abort: true })
  .refine((value) => value >= '1950-01-01' && value <= '2100-12-31', {
    message: 'must be between 1950-01-01 and 2100-12-31',
  })
  .meta({ description: 'A real day, as YYYY-MM-DD' });

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const documentFields = {
  kind: z.enum(DOCUMENT_KINDS),
  vehicle: documentId
    .nullable()
    .optional()
    .meta({ description: "One of the owner's vehicles; none for a driving licence" }),
  serviceRecord: documentId
    .nullable()
    .optional()
    .meta({ description: 'The service record a receipt or invoice belongs to' }),
  number: optionalText(60),
  issuedOn: isoDate.nullable().optional(),
  expiresOn: isoDate
    .nullable()
    .optional()
    .meta({ description: 'Not before `issuedOn`; reminders are made from it' }),
  title: optionalText(120),
  notes: optionalText(2000),
};

const datesInOrder = (value: { issuedOn?: string | null; expiresOn?: string | null }) =>
  !value.issuedOn || !value.expiresOn || value.expiresOn >= value.issuedOn;
const DATES_MESSAGE = { message: 'must not be before issuedOn', path: ['expiresOn'] };

/** `POST /documents/uploads`: what the owner is about to upload. */
export const uploadRequestInput = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    contentType: z.enum(DOCUMENT_TYPES).meta({
      description:
        'The type the file is; the upload must be sent with exactly this Content-Type, and ' +
        'finalising refuses (and deletes) a file whose bytes are another type',
    }),
    size: z.number().int().min(1).meta({ description: 'Bytes; at most DOCUMENT_MAX_BYTES' }),
    kind: z.enum(DOCUMENT_KINDS).optional(),
    vehicle: documentFields.vehicle,
  })
  .strict();
export type UploadRequestInput = z.infer<typeof uploadRequestInput>;

/** `POST /documents`: the finished upload and what the document is. */
export const finaliseInput = z
  .object({ uploadId: documentId, ...documentFields })
  .strict()
  .refine(datesInOrder, DATES_MESSAGE)
  .meta({
    description:
      'Finalises an upload: the first bytes are sniffed. A file that is not a PDF, JPEG, PNG, ' +
      'WebP or HEIC, or whose bytes are another type than the `contentType` declared at ' +
      'presign (a PNG renamed .pdf and declared `application/pdf`), is deleted and refused ' +
      "with a 400 naming the file (`details.rule`: `type` or `mismatch`). The name's " +
      'extension plays no part: a PNG named scan.pdf but declared `image/png` is accepted and ' +
      'stored as scan.png.',
  });
export type FinaliseInput = z.infer<typeof finaliseInput>;

/** `PUT /documents/:id`: the fields to change. */
export const documentChangeInput = z
  .object({
    ...documentFields,
    kind: documentFields.kind.optional(),
  })
  .strict()
  .refine(datesInOrder, DATES_MESSAGE);
export type DocumentChangeInput = z.infer<typeof documentChangeInput>;
