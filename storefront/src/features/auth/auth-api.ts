import { z } from 'astro/zod';
import type { CmsApi, CmsCallContext, CmsResult } from '~/lib/cms-api';

const tokenPair = z.object({ jwt: z.string().min(1), refreshToken: z.string().min(1) });

const signedIn = tokenPair.extend({
  user: z
    .object({
      email: z.string().optional(),
      preferredLocale: z.string().nullish(),
      createdAt: z.string().optional(),
    })
    .passthrough(),
});

const account = z.object({ email: z.string(), createdAt: z.string() }).passthrough();

/** An access token and the refresh token that renews it. */
export type TokenPair = z.infer<typeof tokenPair>;

/** What register, login and reset-password answer: a fresh session and the account. */
export type SignedIn = z.infer<typeof signedIn>;

/** The signed-in account as `GET /api/users/me` describes it. */
export type Account = z.infer<typeof account>;

export interface Registration {
  email: string;
  password: string;
  displayName?: string;
  preferredLocale: string;
}

/** The users-permissions routes the portal uses, typed. */
export interface AuthApi {
  register(input: Registration, context: CmsCallContext): Promise<CmsResult<SignedIn>>;
  login(email: string, password: string, context: CmsCallContext): Promise<CmsResult<SignedIn>>;
  refresh(refreshToken: string, context: CmsCallContext): Promise<CmsResult<TokenPair>>;
  logout(tokens: TokenPair, context: CmsCallContext): Promise<CmsResult<unknown>>;
  forgotPassword(email: string, context: CmsCallContext): Promise<CmsResult<unknown>>;
  resetPassword(
    input: { code: string; password: string; passwordConfirmation: string },
    context: CmsCallContext,
  ): Promise<CmsResult<SignedIn>>;
  me(accessToken: string, context: CmsCallContext): Promise<CmsResult<Account>>;
}

/** Binds the auth routes to a CMS caller. The portal signs owners in by email. */
export function createAuthApi(call: CmsApi): AuthApi {
  const post = <T>(path: string, body: unknown, schema: z.ZodType<T>, context: CmsCallContext) =>
    call({ method: 'POST', path, body, schema, context });

  return {
    register: ({ email, ...rest }, context) =>
      post('/api/auth/local/register', { username: email, email, ...rest }, signedIn, context),
    login: (identifier, password, context) =>
      post('/api/auth/local', { identifier, password }, signedIn, context),
    refresh: (refreshToken, context) =>
      post('/api/auth/refresh', { refreshToken }, tokenPair, context),
    logout: ({ jwt, refreshToken }, context) =>
      call({
        method: 'POST',
        path: '/api/auth/logout',
        body: { refreshToken },
        token: jwt,
        schema: z.unknown(),
        context,
      }),
    forgotPassword: (email, context) =>
      post('/api/auth/forgot-password', { email }, z.unknown(), context),
    resetPassword: (input, context) => post('/api/auth/reset-password', input, signedIn, context),
    me: (accessToken, context) =>
      call({ method: 'GET', path: '/api/users/me', token: accessToken, schema: account, context }),
  };
}
