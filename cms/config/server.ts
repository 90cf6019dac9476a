import { loadEnv } from '../src/platform/env';

export default () => {
  const env = loadEnv();
  return {
    host: env.HOST,
    port: env.PORT,
    url: env.PUBLIC_URL ?? '',
    // Behind a proxy, the client address (rate limits, logs) comes from X-Forwarded-For.
    proxy: { koa: env.TRUST_PROXY ?? env.NODE_ENV === 'production' },
    app: { keys: env.appKeys },
  };
};
