/** Read access to a submitted form's fields. */
export interface FormFields {
  /** A text field, trimmed; '' when absent. */
  text(name: string): string;
  /** A password as typed (never trimmed); '' when absent. */
  secret(name: string): string;
  /** Whether a checkbox was ticked. */
  checked(name: string): boolean;
  /** Everything sent under a name, files included (a multipart form). */
  all(name: string): FormDataEntryValue[];
}

const parsedForms = new WeakMap<Request, Promise<FormData>>();

/**
 * A request's form, parsed once however many readers ask (the CSRF check, then the page), so
 * a large upload is held in memory once. A body that is not a form reads as an empty form.
 */
export function formDataOf(request: Request): Promise<FormData> {
  let data = parsedForms.get(request);
  if (!data) {
    data = request.formData().catch(() => new FormData());
    parsedForms.set(request, data);
  }
  return data;
}

/** Reads a form post; a body that is not a form reads as an empty form. */
export async function readForm(request: Request): Promise<FormFields> {
  const data = await formDataOf(request);
  const raw = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    text: (name) => raw(name).trim(),
    secret: raw,
    checked: (name) => data.has(name),
    all: (name) => data.getAll(name),
  };
}

/** A light check that catches typos; the CMS decides whether an address is acceptable. */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
