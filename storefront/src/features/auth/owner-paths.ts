/** The pages that serve only a signed-in owner: `/{locale}/garage…`, `/{locale}/documents…` and
 * `/{locale}/profile`. */
const OWNER_PAGES = /^\/[^/]+\/(garage|documents|profile)(\/|$)/;

/**
 * Whether a path is an owner's page, which sends anyone else to the login page. A form posted
 * there without a session is refused before its body is read.
 */
export function isOwnerPath(pathname: string): boolean {
  return OWNER_PAGES.test(pathname);
}
