import type { Locale } from '~/i18n';
import type { FormError } from '~/features/forms/form-errors';
import type { FormFields } from '~/features/forms/form-data';
import type { OwnerRequest } from '~/features/garage/vehicle-api';
import type { CmsProblem } from '~/lib/cms-api';
import type { DocumentApi, DocumentDetails, VaultDocument } from './document-api';
import {
  documentDetails,
  finaliseRefusal,
  presignRefusal,
  readDocumentFormValues,
} from './document-form';
import {
  declaredType,
  DOCUMENT_FILE_FIELD,
  DOCUMENT_MAX_BYTES,
  fileRefusal,
  type UploadError,
  type UploadTarget,
} from './document-upload';
import { browserUploadTarget, type DocumentTransfer } from './document-transfer';

/** A refusal that is about the session or the record, not about what was sent. */
export type AccessProblem = 'signed-out' | 'not-found';

export function accessProblem(problem: CmsProblem): AccessProblem | undefined {
  if (problem.kind !== 'rejected') return undefined;
  if (problem.status === 401) return 'signed-out';
  return problem.status === 404 ? 'not-found' : undefined;
}

/** The presign route's JSON answer, as the island reads it (`readPresignAnswer`). */
export type PresignAnswer =
  | { status: 200; body: UploadTarget }
  | { status: 400 | 401 | 422 | 502; body: { error: UploadError | 'signed-out' } };

/** How saving a document ended. */
export type SaveOutcome =
  | { kind: 'saved'; document: VaultDocument }
  | { kind: 'refused'; upload: UploadError }
  | { kind: 'invalid'; errors: FormError[] }
  | { kind: 'signed-out' };

const fail = (status: 400 | 401 | 422 | 502, error: UploadError | 'signed-out'): PresignAnswer => ({
  status,
  body: { error },
});

/**
 * The vault's upload, both ways the page offers it:
 * - with JavaScript, `presign` (the island's JSON route: the details are checked first, so a
 *   wrong date is shown before any byte is sent) and `finalise` (the page, after the PUT);
 * - without, `uploadWhole`: the same three steps done by the portal with the posted file.
 */
export function createDocumentUploads(api: DocumentApi, transfer: DocumentTransfer) {
  async function finalise(
    owner: OwnerRequest,
    uploadId: string,
    details: DocumentDetails,
  ): Promise<SaveOutcome> {
    const result = await api.finalise(owner, uploadId, details);
    if (result.ok) return { kind: 'saved', document: result.data };
    if (accessProblem(result.problem) === 'signed-out') return { kind: 'signed-out' };
    // An upload that is gone (swept, or another owner's id) cannot be finished: send again.
    if (accessProblem(result.problem) === 'not-found') return { kind: 'refused', upload: 'failed' };
    const refusal = finaliseRefusal(result.problem);
    return 'upload' in refusal
      ? { kind: 'refused', upload: refusal.upload }
      : { kind: 'invalid', errors: [refusal.error] };
  }

  return {
    async presign(
      owner: OwnerRequest,
      form: FormFields,
      locale: Locale,
      csrfToken: string,
    ): Promise<PresignAnswer> {
      const checked = documentDetails(readDocumentFormValues(form), locale);
      if ('errors' in checked) return fail(422, 'details');
      const chosen = {
        name: form.text('fileName'),
        type: form.text('contentType'),
        size: Number(form.text('size')),
      };
      if (!Number.isSafeInteger(chosen.size) || chosen.size < 0) return fail(400, 'failed');
      const refusal = fileRefusal(chosen);
      if (refusal) return fail(400, refusal === 'none' ? 'failed' : refusal);
      const result = await api.presign(owner, {
        fileName: chosen.name,
        contentType: declaredType(chosen)!,
        size: chosen.size,
        kind: checked.details.kind,
        ...(checked.details.vehicle ? { vehicle: checked.details.vehicle } : {}),
      });
      if (result.ok) return { status: 200, body: browserUploadTarget(result.data, csrfToken) };
      const access = accessProblem(result.problem);
      if (access === 'signed-out') return fail(401, 'signed-out');
      // Another owner's vehicle (or one deleted meanwhile): the page says to choose another.
      if (access === 'not-found') return fail(422, 'details');
      const code = presignRefusal(result.problem);
      return fail(code === 'failed' ? 502 : 400, code);
    },

    async finaliseForm(
      owner: OwnerRequest,
      form: FormFields,
      locale: Locale,
      vehicleIds: readonly string[],
    ): Promise<SaveOutcome> {
      const checked = documentDetails(readDocumentFormValues(form), locale, vehicleIds);
      if ('errors' in checked) return { kind: 'invalid', errors: checked.errors };
      return finalise(owner, form.text('uploadId'), checked.details);
    },

    async uploadWhole(
      owner: OwnerRequest,
      form: FormFields,
      locale: Locale,
      vehicleIds: readonly string[],
    ): Promise<SaveOutcome> {
      const checked = documentDetails(readDocumentFormValues(form), locale, vehicleIds);
      const posted = form.all(DOCUMENT_FILE_FIELD)[0];
      const file = posted instanceof File ? posted : undefined;
      const refusal = fileRefusal(file);
      const errors = 'errors' in checked ? [...checked.errors] : [];
      if (refusal) {
        errors.push({
          field: DOCUMENT_FILE_FIELD,
          key: `documents.errors.${FILE_MESSAGES[refusal]}`,
          params: { max: DOCUMENT_MAX_BYTES / 1024 / 1024 },
        });
      }
      if (errors.length > 0 || 'errors' in checked || !file) return { kind: 'invalid', errors };
      const { details } = checked;
      const presigned = await api.presign(owner, {
        fileName: file.name,
        contentType: declaredType(file)!,
        size: file.size,
        kind: details.kind,
        ...(details.vehicle ? { vehicle: details.vehicle } : {}),
      });
      if (!presigned.ok) {
        const access = accessProblem(presigned.problem);
        if (access === 'signed-out') return { kind: 'signed-out' };
        if (access === 'not-found') {
          return {
            kind: 'invalid',
            errors: [{ field: 'vehicle', key: 'documents.errors.vehicle' }],
          };
        }
        return { kind: 'refused', upload: presignRefusal(presigned.problem) };
      }
      const status = await transfer.putFile(
        presigned.data,
        file,
        owner.accessToken,
        owner.context.requestId,
      );
      if (status < 200 || status >= 300) return { kind: 'refused', upload: 'failed' };
      return finalise(owner, presigned.data.uploadId, details);
    },
  };
}

export type DocumentUploads = ReturnType<typeof createDocumentUploads>;

/** The catalog key (under `documents.errors`) of each refusal of a chosen file. */
const FILE_MESSAGES = {
  none: 'fileNone',
  empty: 'fileEmpty',
  type: 'fileType',
  'too-large': 'fileTooLarge',
} as const;
