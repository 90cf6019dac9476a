import type { Locale } from '~/i18n';
import { paths } from '~/lib/paths';
import type { FormError } from '~/features/forms/form-errors';
import { readForm } from '~/features/forms/form-data';
import { isFormPost, keepPrivate, type PageContext } from '~/features/forms/page-context';
import { ownerRequest, signedOut, toLogin } from '~/features/garage/owner.server';
import type { Vehicle } from '~/features/garage/vehicle-api';
import { vehicleApi } from '~/features/garage/vehicle-api.server';
import type { VaultDocument } from './document-api';
import {
  documentDetails,
  documentFormValues,
  finaliseRefusal,
  readDocumentFormValues,
  type DocumentFormValues,
} from './document-form';
import { accessProblem } from './document-uploads';
import { documentApi } from './documents.server';
import { DOCUMENT_DONE_PARAM } from './vault-query';

export type DocumentView =
  | { kind: 'not-found' }
  | { kind: 'unavailable' }
  | {
      kind: 'document';
      document: VaultDocument;
      vehicles: Vehicle[];
      values: DocumentFormValues;
      errors: FormError[];
    };

const vaultAfter = (locale: Locale, done: 'updated' | 'deleted') =>
  paths.documents(locale, { [DOCUMENT_DONE_PARAM]: done });

/**
 * One document: its details, preview and download, and the form that changes them
 * (`update-document`, redirecting to the vault). Another owner's document is a 404.
 */
export async function documentPage(
  context: PageContext,
  locale: Locale,
  documentId: string,
): Promise<Response | DocumentView> {
  keepPrivate(context);
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  const owner = ownerRequest(context, session, locale);
  const [found, vehicles] = await Promise.all([
    documentApi.get(owner, documentId),
    vehicleApi.list(owner, { limit: 100 }),
  ]);
  if (!found.ok) {
    const access = accessProblem(found.problem);
    if (access === 'signed-out') return signedOut(context, locale);
    return { kind: access === 'not-found' ? 'not-found' : 'unavailable' };
  }
  const owned = vehicles.ok ? vehicles.data.items : [];
  let values = documentFormValues(found.data);
  let errors: FormError[] = [];
  if (isFormPost(context)) {
    const form = await readForm(context.request);
    values = readDocumentFormValues(form);
    const checked =
      form.text('intent') === 'update-document'
        ? documentDetails(
            values,
            locale,
            owned.map((vehicle) => vehicle.id),
          )
        : { errors: [{ key: 'forms.errors.generic' } as FormError] };
    if ('details' in checked) {
      const saved = await documentApi.update(owner, documentId, checked.details);
      if (saved.ok) return context.redirect(vaultAfter(locale, 'updated'), 303);
      const access = accessProblem(saved.problem);
      if (access === 'signed-out') return signedOut(context, locale);
      if (access === 'not-found') return { kind: 'not-found' };
      const refusal = finaliseRefusal(saved.problem);
      errors = ['error' in refusal ? refusal.error : { key: 'forms.errors.generic' }];
    } else {
      errors = checked.errors;
    }
    context.response.status = 400;
  }
  return { kind: 'document', document: found.data, vehicles: owned, values, errors };
}

/** The delete confirmation: a GET shows the document, the POST deletes it. */
export async function deleteDocumentPage(
  context: PageContext,
  locale: Locale,
  documentId: string,
): Promise<
  | Response
  | { kind: 'not-found' }
  | { kind: 'unavailable' }
  | { kind: 'confirm'; document: VaultDocument }
> {
  keepPrivate(context);
  const session = context.locals.session;
  if (!session) return toLogin(context, locale);
  const owner = ownerRequest(context, session, locale);
  if (isFormPost(context)) {
    await readForm(context.request);
    const removed = await documentApi.remove(owner, documentId);
    if (removed.ok) return context.redirect(vaultAfter(locale, 'deleted'), 303);
    const access = accessProblem(removed.problem);
    if (access === 'signed-out') return signedOut(context, locale);
    return { kind: access === 'not-found' ? 'not-found' : 'unavailable' };
  }
  const found = await documentApi.get(owner, documentId);
  if (found.ok) return { kind: 'confirm', document: found.data };
  const access = accessProblem(found.problem);
  if (access === 'signed-out') return signedOut(context, locale);
  return { kind: access === 'not-found' ? 'not-found' : 'unavailable' };
}
