import { errors } from '@strapi/utils';

/**
 * What this module needs of a zod issue or schema. Structural, so schemas of zod 3 (queries,
 * settings) and of `zod/v4` (request bodies, which the OpenAPI document is generated from)
 * go through the same mapping to Strapi's 400.
 */
interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  keys?: string[];
}
interface IssueList {
  issues: Issue[];
}
interface Parser<Output> {
  safeParse(input: unknown): { success: true; data: Output } | { success: false; error: IssueList };
}

export interface ErrorDetail {
  path: string[];
  message: string;
  name: 'ValidationError';
}

/** The message of a body that is not `{ data: { … } }`. */
export const ENVELOPE_MESSAGE = 'Request body must be { data: { ... } }';

/** The message of `{ data: {} }`: a write that would change nothing. */
export const EMPTY_DATA_MESSAGE = 'nothing to change; send at least one field';

/** Strapi's 400 with one detail per failing field; the message names the first. */
export function validationError(details: Array<Omit<ErrorDetail, 'name'>>) {
  const issues = details.map((detail) => ({ ...detail, name: 'ValidationError' as const }));
  const first = issues[0];
  const message = first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'Invalid input';
  return new errors.ValidationError(message, { errors: issues });
}

/**
 * Strapi's 400 for a zod failure. An unknown key becomes its own detail whose path names it
 * (zod reports it on the enclosing object), and comes first: a request carrying a field this
 * API does not have is told so, not that some other field is missing.
 */
export function toValidationError(error: IssueList): InstanceType<typeof errors.ValidationError> {
  const unknownKeys = error.issues
    .filter((issue) => issue.code === 'unrecognized_keys')
    .flatMap((issue) =>
      (issue.keys ?? []).map((key) => ({
        path: [...issue.path.map(String), key],
        message: 'is not a field of this request',
      })),
    );
  const others = error.issues
    .filter((issue) => issue.code !== 'unrecognized_keys')
    .map((issue) => ({ path: issue.path.map(String), message: issue.message }));
  return validationError([...unknownKeys, ...others]);
}

/** Parses `input` or throws a 400 naming the field. */
export function parseOrThrow<Output>(schema: Parser<Output>, input: unknown): Output {
  const result = schema.safeParse(input);
  if (!result.success) throw toValidationError(result.error);
  return result.data;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The `data` of a `{ data: { … } }` request body, checked against `schema`. Anything else,
 * a flat body, an array, a bare value, no body, `data` that is not an object, an empty `data`,
 * or a key beside `data`, is a 400 saying so: a write never succeeds without doing what was asked.
 * Error paths inside `data` are relative to it (`["nickname"]`), as every 400 of this API.
 */
export function parseData<Output>(schema: Parser<Output>, body: unknown): Output {
  if (!isPlainObject(body) || !isPlainObject(body.data)) {
    throw validationError([{ path: ['data'], message: ENVELOPE_MESSAGE }]);
  }
  const beside = Object.keys(body).filter((key) => key !== 'data');
  if (beside.length > 0) {
    throw validationError(
      beside.map((key) => ({ path: [key], message: `is not allowed; ${ENVELOPE_MESSAGE}` })),
    );
  }
  if (Object.keys(body.data).length === 0) {
    // `{ "data": {} }` would answer 200 having done nothing.
    throw validationError([{ path: ['data'], message: EMPTY_DATA_MESSAGE }]);
  }
  return parseOrThrow(schema, body.data);
}
