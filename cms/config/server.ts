import { loadEnv } from '../src/lib/env';

export default () => {
  const env = loadEnv();
  return {
    host: env.HOST,
    port: env.PORT,
    url: env.PUBLIC_URL ?? '',
    // The client address (rate limits) is the one the last PROXY_HOPS proxies wrote into
    // X-Forwarded-For; values to their left are the caller's and never trusted. 0 = socket.
    proxy: { koa: env.PROXY_HOPS > 0, maxIpsCount: env.PROXY_HOPS },
    app: { keys: env.appKeys },
  };
};
