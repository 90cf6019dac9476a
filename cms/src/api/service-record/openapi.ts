import { SERVICE_STATUSES } from './record-input';

// What the OpenAPI document says of the service-record routes beyond their bodies.
const text = (maxLength: number) => ({ type: 'string', maxLength });

const query = (description: string, schema: Record<string, unknown>) => ({ description, schema });

export const LIST_DOCS = {
  query: {
    vehicle: query("Only this vehicle's records (its id); another owner's is a 404", text(40)),
    status: query('Only records in this status', { type: 'string', enum: SERVICE_STATUSES }),
    from: query('From this day (YYYY-MM-DD, Nepal time) or instant, inclusive', text(40)),
    to: query(
      'To this day (YYYY-MM-DD, Nepal time, the whole day) or instant, inclusive',
      text(40),
    ),
    limit: query('Records a page, newest date first', {
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 20,
    }),
    cursor: query("The previous page's `meta.pagination.nextCursor`", text(200)),
  },
  refusals: { 404: 'The `vehicle` filter names no vehicle of the owner' },
};

export const CREATE_DOCS = {
  headers: {
    'Idempotency-Key': {
      description:
        'Makes a retry safe: the same key (per owner, for 24 hours) with the same body answers ' +
        '200 with the record the first request created (201); no second record is made.',
      schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
    },
  },
  refusals: {
    404: 'The vehicle is not one of the owner',
    422: 'The `Idempotency-Key` was used before with another body',
  },
};

export const CHANGE_DOCS = {
  refusals: {
    404: 'No such record of the owner',
    409: 'The record is completed (only notes, costPaisa and lineItems change) or cancelled (nothing changes); the path names the field refused',
  },
};

export const TRANSITION_DOCS = {
  refusals: {
    404: 'No such record of the owner',
    409: 'Only a scheduled service can be completed or cancelled; the path is `status`',
  },
};

export const RECORD_DOCS = { refusals: { 404: 'No such record of the owner' } };
export const VEHICLE_DOCS = { refusals: { 404: 'No such vehicle of the owner' } };
