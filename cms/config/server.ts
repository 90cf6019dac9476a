import { loadEnv } from '../src/platform/env';

export default () => {
  const env = loadEnv();
  return {
    host: env.HOST,
    port: env.PORT,
    url: env.PUBLIC_URL ?? '',
    proxy: env.NODE_ENV === 'production',
    app: { keys: env.appKeys },
  };
};
