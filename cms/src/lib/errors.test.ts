import { errors } from '@strapi/utils';
import {
  Conflict,
  Unprocessable,
  InvalidField,
  NotFound,
  PayloadTooLarge,
  toStrapiError,
  TooManyRequests,
} from './errors';

/** What `strapi::errors` puts in the body for a mapped error. */
const rendered = (error: unknown) => {
  const { status, name, message, details } = error as {
    status?: number;
    name: string;
    message: string;
    details: unknown;
  };
  return { status, name, message, details };
};

describe('toStrapiError', () => {
  it('answers NotFound as a Strapi NotFoundError with empty details', () => {
    const mapped = toStrapiError(new NotFound('Vehicle not found'));
    expect(mapped).toBeInstanceOf(errors.NotFoundError);
    expect(rendered(mapped)).toEqual({
      status: undefined,
      name: 'NotFoundError',
      message: 'Vehicle not found',
      details: {},
    });
  });

  it('answers InvalidField as a 400 whose message and details name the field path', () => {
    const mapped = toStrapiError(
      new InvalidField(['notificationChannels', 'sms'], 'needs a phone number'),
    );
    expect(mapped).toBeInstanceOf(errors.ValidationError);
    expect(rendered(mapped)).toMatchObject({
      name: 'ValidationError',
      message: 'notificationChannels.sms: needs a phone number',
      details: {
        errors: [
          {
            path: ['notificationChannels', 'sms'],
            message: 'needs a phone number',
            name: 'ValidationError',
          },
        ],
      },
    });
  });

  it('puts a rule in details and the issue, extra details beside errors, and a given message', () => {
    const rule = toStrapiError(
      new InvalidField('password', 'password is too short', {
        rule: 'minLength',
        message: 'password is too short',
      }),
    );
    expect(rendered(rule)).toMatchObject({
      message: 'password is too short',
      details: {
        rule: 'minLength',
        errors: [
          {
            path: ['password'],
            message: 'password is too short',
            name: 'ValidationError',
            rule: 'minLength',
          },
        ],
      },
    });
    const extra = toStrapiError(
      new InvalidField('files', 'too big', { details: { rule: 'pixels', maxPixels: 5 } }),
    );
    expect((extra as { details: unknown }).details).toEqual({
      rule: 'pixels',
      maxPixels: 5,
      errors: [{ path: ['files'], message: 'too big', name: 'ValidationError' }],
    });
  });

  it('answers Conflict as a 409 naming the field', () => {
    expect(rendered(toStrapiError(new Conflict('registrationNumber', 'taken')))).toEqual({
      status: 409,
      name: 'ConflictError',
      message: 'taken',
      details: {
        errors: [{ path: ['registrationNumber'], message: 'taken', name: 'ConflictError' }],
      },
    });
  });

  it('answers Unprocessable as a 422 naming the field', () => {
    expect(
      rendered(toStrapiError(new Unprocessable('Idempotency-Key', 'was used with another body'))),
    ).toEqual({
      status: 422,
      name: 'UnprocessableEntityError',
      message: 'Idempotency-Key: was used with another body',
      details: {
        errors: [
          {
            path: ['Idempotency-Key'],
            message: 'Idempotency-Key: was used with another body',
            name: 'UnprocessableEntityError',
          },
        ],
      },
    });
  });

  it('answers PayloadTooLarge and TooManyRequests as Strapi 413 and 429 errors', () => {
    expect(toStrapiError(new PayloadTooLarge('too big'))).toBeInstanceOf(
      errors.PayloadTooLargeError,
    );
    const tooMany = toStrapiError(new TooManyRequests('slow down', 30));
    expect(tooMany).toBeInstanceOf(errors.RateLimitError);
    expect(rendered(tooMany).details).toEqual({ retryAfter: 30 });
  });

  it('keeps the name the API answers with on the domain error itself', () => {
    expect(new InvalidField('year', 'x').name).toBe('ValidationError');
    expect(new NotFound('x').name).toBe('NotFoundError');
    expect(new Conflict('x', 'y').status).toBe(409);
  });

  it('passes anything that is not a domain error through untouched', () => {
    const error = new Error('boom');
    expect(toStrapiError(error)).toBe(error);
    const strapiError = new errors.ForbiddenError('no');
    expect(toStrapiError(strapiError)).toBe(strapiError);
  });
});
