/**
 * Ends a `switch` over a discriminated union: the call compiles only when every kind was
 * handled before it, so a new kind is a type error wherever it is not yet shown.
 */
export function unreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
