import type { Locale } from '~/i18n';
import { paths } from '~/lib/paths';
import type { FormError } from '~/features/forms/form-errors';
import { readForm } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { ownerRequest, signedOut, toLogin } from '~/features/garage/owner.server';
import type { OwnerRequest, Vehicle } from '~/features/garage/vehicle-api';
import { vehicleApi } from '~/features/garage/vehicle-api.server';
import type { VaultDocument } from './document-api';
import {
  EMPTY_DOCUMENT_FORM,
  readDocumentFormValues,
  type DocumentFormValues,
} from './document-form';
import { UPLOAD_ERROR_MESSAGES, type UploadError } from './document-upload';
import type { SaveOutcome } from './document-uploads';
import { documentApi, documentUploads } from './documents.server';
import {
  DOCUMENT_DONE_PARAM,
  DOCUMENT_ERROR_PARAM,
  vaultDone,
  type VaultDone,
} from './vault-query';

/** Documents shown on one page of the vault. */
export const VAULT_PAGE_SIZE = 50;

export type VaultView =
  | { kind: 'unavailable' }
  | {
      kind: 'vault';
      documents: VaultDocument[];
      nextCursor: string | null;
      vehicles: Vehicle[];
      values: DocumentFormValues;
      errors: FormError[];
      /** Why the last upload was refused, for the file field. */
      uploadError?: UploadError;
      done?: VaultDone;
    };

const uploadErrorOf = (value: string | null): UploadError | undefined =>
  value !== null && Object.hasOwn(UPLOAD_ERROR_MESSAGES, value)
    ? (value as UploadError)
    : undefined;

async function ownerVehicles(owner: OwnerRequest): Promise<Vehicle[] | undefined> {
  const result = await vehicleApi.list(owner, { limit: 100 });
  return result.ok ? result.data.items : undefined;
}

/**
 * The vault: all the owner's documents, and the upload form. The form posts here: with
 * JavaScript the finalise step (`finalise-document`, after the island's PUT), without it the
 * whole file (`upload-document`). Either redirects after success (`?done=uploaded`) or after
 * a refused file (`?documentError=`); details that are not right come back with the page.
 */
export async function vaultPage(
  context: PageContext,
  locale: Locale,
): Promise<Response | VaultView> {
  keepPrivate(context);
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  const owner = ownerRequest(context, session, locale);
  const vehicles = await ownerVehicles(owner);
  const vehicleIds = (vehicles ?? []).map((vehicle) => vehicle.id);

  let values = { ...EMPTY_DOCUMENT_FORM, vehicle: context.url.searchParams.get('vehicle') ?? '' };
  let errors: FormError[] = [];
  if (isFormPost(context)) {
    const form = await readForm(context.request);
    const intent = form.text('intent');
    values = readDocumentFormValues(form);
    let outcome: SaveOutcome;
    if (intent === 'finalise-document') {
      outcome = await documentUploads.finaliseForm(owner, form, locale, vehicleIds);
    } else if (intent === 'upload-document') {
      outcome = await documentUploads.uploadWhole(owner, form, locale, vehicleIds);
    } else {
      context.response.status = 400;
      outcome = { kind: 'invalid', errors: [{ key: 'forms.errors.generic' }] };
    }
    switch (outcome.kind) {
      case 'signed-out':
        return signedOut(context, locale);
      case 'saved':
        return context.redirect(
          paths.documents(locale, { [DOCUMENT_DONE_PARAM]: 'uploaded' }),
          303,
        );
      case 'refused':
        return context.redirect(
          paths.documents(locale, { [DOCUMENT_ERROR_PARAM]: outcome.upload }),
          303,
        );
      case 'invalid':
        if (context.response.status === 200) context.response.status = 400;
        errors = outcome.errors;
    }
  }

  const documents = await documentApi.list(owner, {
    limit: VAULT_PAGE_SIZE,
    cursor: context.url.searchParams.get('cursor') || undefined,
  });
  if (!documents.ok) {
    if (documents.problem.kind === 'rejected' && documents.problem.status === 401) {
      return signedOut(context, locale);
    }
    return { kind: 'unavailable' };
  }
  const query = context.url.searchParams;
  return {
    kind: 'vault',
    documents: documents.data.items,
    nextCursor: documents.data.nextCursor,
    vehicles: vehicles ?? [],
    values,
    errors,
    uploadError: isFormPost(context) ? undefined : uploadErrorOf(query.get(DOCUMENT_ERROR_PARAM)),
    done: isFormPost(context) ? undefined : vaultDone(query.get(DOCUMENT_DONE_PARAM)),
  };
}
