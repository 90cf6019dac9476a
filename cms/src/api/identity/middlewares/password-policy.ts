import type { Core } from '@strapi/strapi';
import { InvalidField } from '../../../lib/errors';
import type { Context, Next } from 'koa';
import { checkPassword } from '../rules/password-policy';

export interface PasswordPolicyConfig {
  /** Where the account whose password is being set comes from. */
  identity: 'body' | 'reset-code' | 'signed-in';
}

type Identity = { email?: string; username?: string };

async function identityFor(
  strapi: Core.Strapi,
  ctx: Context,
  source: PasswordPolicyConfig['identity'],
): Promise<Identity> {
  const body = (ctx.request as { body?: Record<string, unknown> }).body ?? {};
  if (source === 'body') {
    return {
      email: body.email as string | undefined,
      username: body.username as string | undefined,
    };
  }
  if (source === 'signed-in') return (ctx.state.user as Identity | undefined) ?? {};
  if (typeof body.code !== 'string' || body.code === '') return {};
  const user = await strapi.db
    .query('plugin::users-permissions.user')
    .findOne({ where: { resetPasswordToken: body.code }, select: ['email', 'username'] });
  return (user as Identity | null) ?? {};
}

/**
 * Route middleware on every route that sets a password: at least 10 characters, not the
 * account's email or username, not a common password. A 400 names the rule that failed.
 */
export default (config: PasswordPolicyConfig, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    const body = (ctx.request as { body?: Record<string, unknown> }).body ?? {};
    if (typeof body.password === 'string') {
      const violation = checkPassword(
        body.password,
        await identityFor(strapi, ctx, config.identity),
      );
      if (violation) {
        // The rule's message names the password already.
        throw new InvalidField('password', violation.message, {
          rule: violation.rule,
          message: violation.message,
        });
      }
    }
    return next();
  };
};
