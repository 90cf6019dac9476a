declare namespace App {
  interface Locals {
    /** Correlates portal and CMS log lines for one request. */
    requestId: string;
  }
}
