import { describe, expect, it } from 'vitest';
import type { CmsProblem } from '~/lib/cms-api';
import { noteError, photoDeleteError, readingError, vehicleError } from './garage-errors';

const rejected = (overrides: Partial<Extract<CmsProblem, { kind: 'rejected' }>> = {}) =>
  ({ kind: 'rejected', status: 400, name: 'ValidationError', ...overrides }) as CmsProblem;

const atField = (field: string, message = 'is not valid') =>
  rejected({
    message: `${field}: ${message}`,
    details: { errors: [{ path: [field], message, name: 'ValidationError' }] },
  });

describe('vehicleError', () => {
  it('says a registration number already on the platform is registered, at its field', () => {
    const problem = rejected({ status: 409, name: 'ConflictError', message: 'taken' });

    expect(vehicleError(problem)).toEqual({
      field: 'registrationNumber',
      key: 'garage.errors.registrationTaken',
    });
  });

  it.each([
    ['registrationNumber', 'garage.errors.registrationNumber'],
    ['vin', 'garage.errors.vin'],
    ['year', 'garage.errors.year'],
    ['trimId', 'garage.errors.trimId'],
    ['purchaseDate', 'garage.errors.purchaseDate'],
  ])('shows a refused %s next to that field in the catalog words', (field, key) => {
    expect(vehicleError(atField(field))).toEqual({ field, key });
  });

  it('falls back to the generic message for a field the form does not have', () => {
    expect(vehicleError(atField('ownerId'))).toEqual({ key: 'forms.errors.generic' });
  });

  it('says the service is unavailable when the CMS fails', () => {
    expect(vehicleError(rejected({ status: 503 }))).toEqual({ key: 'forms.errors.unavailable' });
  });
});

describe('readingError', () => {
  it('explains a reading lower than the last one at the reading field', () => {
    const problem = atField('readingKm', 'is lower than the last reading (40000 km)');

    expect(readingError(problem)).toEqual({
      field: 'readingKm',
      key: 'garage.errors.readingLower',
    });
  });
});

describe('noteError', () => {
  it('shows a refused note at the text area it was typed in', () => {
    expect(noteError(atField('body'), 'editNoteBody')).toEqual({
      field: 'editNoteBody',
      key: 'garage.errors.noteBody',
    });
  });
});

describe('photoDeleteError', () => {
  it('shows a failed delete at the photo gallery, in the catalog words', () => {
    expect(photoDeleteError({ kind: 'unreachable', reason: 'fetch failed' })).toEqual({
      field: 'photos',
      key: 'forms.errors.unavailable',
    });
    expect(photoDeleteError(atField('photoId'))).toEqual({
      field: 'photos',
      key: 'forms.errors.generic',
    });
  });
});
