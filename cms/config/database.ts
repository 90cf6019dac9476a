import path from 'node:path';
import { loadEnv } from '../src/lib/env';

export default () => {
  const env = loadEnv();
  if (env.databaseClient === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: env.DATABASE_URL,
          ssl: env.DATABASE_SSL ? { rejectUnauthorized: true } : false,
        },
        pool: { min: env.DATABASE_POOL_MIN, max: env.DATABASE_POOL_MAX },
        acquireConnectionTimeout: 10000,
      },
    };
  }
  // Compiled to dist/config, so the app root is two levels up.
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.resolve(__dirname, '..', '..', env.DATABASE_FILENAME) },
      useNullAsDefault: true,
    },
  };
};
