import { describe, expect, it } from 'vitest';
import type { CmsProblem } from '~/lib/cms-api';
import { serviceError } from './service-errors';

const refusal = (status: number, path?: unknown[], message = 'Invalid'): CmsProblem => ({
  kind: 'rejected',
  status,
  name: 'ValidationError',
  message,
  details: path ? { errors: [{ path, message }] } : {},
});

describe('serviceError', () => {
  it.each([
    [['scheduledAt'], { field: 'date', key: 'serviceRecords.errors.date' }],
    [['completedAt'], { field: 'date', key: 'serviceRecords.errors.date' }],
    [['kindLabel'], { field: 'kindLabel', key: 'serviceRecords.errors.kindLabel' }],
    [['odometerKm'], { field: 'odometerKm', key: 'serviceRecords.errors.odometerLower' }],
    [['costPaisa'], { field: 'cost', key: 'serviceRecords.errors.costNotSum' }],
    [
      ['lineItems', 2, 'amountPaisa'],
      { field: 'line-2-amount', key: 'serviceRecords.errors.amount' },
    ],
  ])('shows the CMS field %j at the form field', (path, error) => {
    expect(serviceError(refusal(400, path))).toEqual(error);
  });

  it('reads the field from the message when the CMS sends no path', () => {
    expect(serviceError(refusal(400, undefined, 'odometerKm: lower than the last'))).toEqual({
      field: 'odometerKm',
      key: 'serviceRecords.errors.odometerLower',
    });
  });

  it('explains a status changed meanwhile, and a key reused with other details', () => {
    expect(serviceError(refusal(409, ['status']))).toEqual({
      key: 'serviceRecords.errors.statusChanged',
    });
    expect(serviceError(refusal(422, ['Idempotency-Key']))).toEqual({
      key: 'serviceRecords.errors.alreadySent',
    });
  });

  it('never names an inherited property as a field', () => {
    expect(serviceError(refusal(400, ['constructor']))).toEqual({ key: 'forms.errors.generic' });
  });

  it('says the CMS is unavailable when it cannot be reached', () => {
    expect(serviceError({ kind: 'unreachable', reason: 'ECONNREFUSED' })).toEqual({
      key: 'forms.errors.unavailable',
    });
  });
});
