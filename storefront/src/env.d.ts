declare namespace App {
  interface Locals {
    /** Correlates portal and CMS log lines for one request. */
    requestId: string;
    /** The signed-in owner, or null; set by the session middleware. */
    session: import('./features/auth/session').Session | null;
    /** This visitor's CSRF token, for the hidden `_csrf` field of every form that posts. */
    csrfToken: string;
    /** The visitor's address (socket or trusted proxy hop), forwarded to the CMS; see client-address.server.ts. */
    clientAddress?: string;
    /** On a kept route, whether the page rendering may be kept; see lib/kept-pages.server.ts. */
    keptPage?: { complete: boolean };
  }
}
