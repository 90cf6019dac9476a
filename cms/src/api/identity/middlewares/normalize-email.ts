import type { Context, Next } from 'koa';

export interface NormalizeEmailConfig {
  /** Body fields holding an email address (or, for `identifier`, possibly one). */
  fields: string[];
}

/**
 * Route middleware: emails are stored trimmed and lower-cased, so they compare the same
 * way everywhere (`Ram@X.np ` and `ram@x.np` are one account).
 */
export default (config: NormalizeEmailConfig) => {
  return async (ctx: Context, next: Next) => {
    const body = (ctx.request as { body?: Record<string, unknown> }).body;
    if (body && typeof body === 'object') {
      for (const field of config.fields) {
        const value = body[field];
        if (typeof value === 'string' && value.includes('@')) {
          body[field] = value.trim().toLowerCase();
        }
      }
    }
    return next();
  };
};
