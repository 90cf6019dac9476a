import createHttpError from 'http-errors';

/**
 * A 409 in Strapi's error shape naming the conflicting field (Strapi's own errors have no
 * 409; its error middleware renders an HTTP error's status, name, message and details).
 */
export function conflictError(field: string, message: string): Error {
  return Object.assign(createHttpError(409, message), {
    name: 'ConflictError',
    details: { errors: [{ path: [field], message, name: 'ConflictError' }] },
  });
}
