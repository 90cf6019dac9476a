import { describe, expect, it } from 'vitest';
import { parseLocale } from '~/i18n';
import {
  documentDetails,
  EMPTY_DOCUMENT_FORM,
  finaliseRefusal,
  presignRefusal,
} from './document-form';

const en = parseLocale('en')!;
const ne = parseLocale('ne')!;
const VEHICLE = 'v'.repeat(24);

const rejected = (details: unknown, status = 400) => ({
  kind: 'rejected' as const,
  status,
  name: 'ValidationError',
  message: 'refused',
  details,
});

describe('the document details form', () => {
  it('sends what the owner typed, empty fields as null', () => {
    const checked = documentDetails(
      { ...EMPTY_DOCUMENT_FORM, kind: 'bluebook', number: 'BA 2 PA 3456', expiresOn: '2026-12-31' },
      en,
      [],
    );

    expect(checked).toEqual({
      details: {
        kind: 'bluebook',
        vehicle: null,
        number: 'BA 2 PA 3456',
        issuedOn: null,
        expiresOn: '2026-12-31',
        title: null,
        notes: null,
      },
    });
  });

  it('reads a Bikram Sambat date in Nepali', () => {
    const checked = documentDetails(
      { ...EMPTY_DOCUMENT_FORM, kind: 'insurance', expiresOn: '२०८१-०४-१५' },
      ne,
      [],
    );

    expect('details' in checked && checked.details.expiresOn).toBe('2024-07-30');
  });

  it('names every field that is wrong', () => {
    const checked = documentDetails(
      {
        ...EMPTY_DOCUMENT_FORM,
        kind: 'passport',
        vehicle: 'someone-elses',
        number: 'x'.repeat(61),
        issuedOn: '2026-02-30',
      },
      en,
      [VEHICLE],
    );

    expect('errors' in checked && checked.errors.map((error) => error.field)).toEqual([
      'kind',
      'vehicle',
      'number',
      'issuedOn',
    ]);
  });

  it('refuses an expiry before the issue date, at the expiry field', () => {
    const checked = documentDetails(
      {
        ...EMPTY_DOCUMENT_FORM,
        kind: 'pollution',
        issuedOn: '2026-05-01',
        expiresOn: '2026-04-30',
      },
      en,
      [],
    );

    expect(checked).toEqual({
      errors: [{ field: 'expiresOn', key: 'documents.errors.expiresBeforeIssued' }],
    });
  });

  it('takes one of the owner’s vehicles, and leaves the check to the CMS when it has no list', () => {
    const values = { ...EMPTY_DOCUMENT_FORM, kind: 'route-permit', vehicle: VEHICLE };

    expect('details' in documentDetails(values, en, [VEHICLE])).toBe(true);
    expect('details' in documentDetails(values, en)).toBe(true);
    expect('errors' in documentDetails(values, en, [])).toBe(true);
  });
});

describe('the CMS’s refusals, explained', () => {
  it('a file that is not what it claimed, or is no document at all, is refused', () => {
    const path = [{ path: ['uploadId'] }];
    expect(finaliseRefusal(rejected({ rule: 'mismatch', errors: path }))).toEqual({
      upload: 'refused',
    });
    expect(finaliseRefusal(rejected({ rule: 'type', errors: path }))).toEqual({
      upload: 'refused',
    });
    expect(finaliseRefusal(rejected({ rule: 'size', errors: path }))).toEqual({
      upload: 'too-large',
    });
    expect(finaliseRefusal(rejected({ rule: 'missing', errors: path }))).toEqual({
      upload: 'failed',
    });
  });

  it('a detail the CMS refuses is shown at its field', () => {
    expect(finaliseRefusal(rejected({ errors: [{ path: ['expiresOn'] }] }))).toEqual({
      error: { field: 'expiresOn', key: 'documents.errors.expiresBeforeIssued' },
    });
  });

  it('a CMS that is down is "unavailable", not the owner’s fault', () => {
    expect(finaliseRefusal({ kind: 'unreachable', reason: 'ECONNREFUSED' })).toEqual({
      error: { key: 'forms.errors.unavailable' },
    });
  });

  it('a presign over the size limit or of a type the vault does not keep', () => {
    expect(presignRefusal(rejected({ rule: 'size', errors: [{ path: ['size'] }] }))).toBe(
      'too-large',
    );
    expect(presignRefusal(rejected({ errors: [{ path: ['data', 'contentType'] }] }))).toBe('type');
    expect(presignRefusal(rejected({}, 500))).toBe('failed');
  });
});
