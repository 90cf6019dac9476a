import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';

/**
 * The app's one error model. Services throw these, never Strapi's or Koa's errors: they say
 * what went wrong in the domain's terms (which field, which rule). `toStrapiError` is the
 * one place that turns them into Strapi's errors, which `strapi::errors` renders as
 * `{ data: null, error: { status, name, message, details } }`; the global middleware
 * `global::domain-errors` applies it to every request, routes of plugins included.
 * `name` is the name the API answers with, so code that calls a service directly (tests,
 * scripts, demo seeding) sees the same name a client does.
 */
export abstract class DomainError extends Error {
  /** The HTTP status the API answers with. */
  abstract readonly status: number;
}

/** Something the caller asked for does not exist, or is not theirs (404, never 403). */
export class NotFound extends DomainError {
  readonly status = 404;
  override readonly name = 'NotFoundError';
}

/** A field's value is already taken (409), e.g. a registration number. */
export class Conflict extends DomainError {
  readonly status = 409;
  override readonly name = 'ConflictError';
  readonly path: string[];
  constructor(field: string | readonly string[], message: string) {
    super(message);
    this.path = [field].flat();
  }
}

export interface InvalidFieldOptions {
  /** The rule that failed, for clients to explain (`details.rule` and the issue's `rule`). */
  rule?: string;
  /** More facts for `details` (e.g. a limit), beside `errors`. */
  details?: Record<string, unknown>;
  /** The top-level message, when `<path>: <reason>` would repeat the field. */
  message?: string;
}

/** A field's value breaks a rule (400); `reason` reads after the field's name. */
export class InvalidField extends DomainError {
  readonly status = 400;
  override readonly name = 'ValidationError';
  readonly path: string[];
  readonly reason: string;
  readonly rule?: string;
  readonly details: Record<string, unknown>;
  constructor(
    field: string | readonly string[],
    reason: string,
    options: InvalidFieldOptions = {},
  ) {
    const path = [field].flat();
    super(options.message ?? `${path.join('.')}: ${reason}`);
    this.path = path;
    this.reason = reason;
    this.rule = options.rule;
    this.details = options.details ?? {};
  }
}

/**
 * The request is well formed but cannot be carried out as it stands (422), e.g. an
 * `Idempotency-Key` sent again with another body; `field` names what to change.
 */
export class Unprocessable extends DomainError {
  readonly status = 422;
  override readonly name = 'UnprocessableEntityError';
  readonly path: string[];
  constructor(field: string | readonly string[], message: string) {
    super(`${[field].flat().join('.')}: ${message}`);
    this.path = [field].flat();
  }
}

/** The request carries more than a limit allows (413). */
export class PayloadTooLarge extends DomainError {
  readonly status = 413;
  override readonly name = 'PayloadTooLargeError';
}

/** Too many attempts (429); the caller may try again after `retryAfter` seconds. */
export class TooManyRequests extends DomainError {
  readonly status = 429;
  override readonly name = 'RateLimitError';
  constructor(
    message: string,
    readonly retryAfter: number,
  ) {
    super(message);
  }
}

/**
 * The Strapi error a domain error is answered as: status, name, message and details with
 * the field path, exactly as the API has always answered them. Anything else is returned
 * as it is, for `strapi::errors` to handle.
 */
export function toStrapiError(error: unknown): unknown {
  if (error instanceof NotFound) return new errors.NotFoundError(error.message);
  if (error instanceof InvalidField) {
    const rule = error.rule === undefined ? {} : { rule: error.rule };
    return new errors.ValidationError(error.message, {
      ...rule,
      ...error.details,
      errors: [{ path: error.path, message: error.reason, name: 'ValidationError', ...rule }],
    });
  }
  if (error instanceof Conflict) {
    // Strapi's own errors have no 409; its error middleware renders an HTTP error's status,
    // name, message and details.
    return Object.assign(createHttpError(409, error.message), {
      name: 'ConflictError',
      details: { errors: [{ path: error.path, message: error.message, name: 'ConflictError' }] },
    });
  }
  if (error instanceof Unprocessable) {
    return Object.assign(createHttpError(422, error.message), {
      name: 'UnprocessableEntityError',
      details: {
        errors: [{ path: error.path, message: error.message, name: 'UnprocessableEntityError' }],
      },
    });
  }
  if (error instanceof PayloadTooLarge) return new errors.PayloadTooLargeError(error.message);
  if (error instanceof TooManyRequests) {
    return new errors.RateLimitError(error.message, { retryAfter: error.retryAfter });
  }
  return error;
}
