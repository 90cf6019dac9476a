import { constants as fsConstants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { Core } from '@strapi/strapi';
import { loadEnv, type PlatformEnv } from '../../../lib/env';
import { getCache } from '../../../lib/infrastructure';

const CHECK_TIMEOUT_MS = 2000;

export type DependencyName = 'database' | 'cache' | 'storage';

export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number;
  kind: string;
  error?: string;
}

export interface Readiness {
  status: 'ready' | 'unavailable';
  down: DependencyName[];
  checks: Record<DependencyName, DependencyStatus>;
}

async function probe(kind: string, check: () => Promise<unknown>): Promise<DependencyStatus> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([check(), timeout]);
    return { status: 'up', kind, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: 'down',
      kind,
      latencyMs: Math.round(performance.now() - started),
      error: message,
    };
  } finally {
    clearTimeout(timer);
  }
}

function storageCheck(strapi: Core.Strapi, env: PlatformEnv): [string, () => Promise<unknown>] {
  if (env.s3Enabled) {
    const client = new S3Client({
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      credentials: {
        accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
        secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
      },
      maxAttempts: 1,
    });
    return ['s3', () => client.send(new HeadBucketCommand({ Bucket: env.S3_BUCKET }))];
  }
  const uploads = path.join(strapi.dirs.static.public, 'uploads');
  return ['local', () => access(uploads, fsConstants.W_OK)];
}

/** Readiness of the dependencies an instance needs to serve traffic. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const env = loadEnv();
  const [storageKind, storage] = storageCheck(strapi, env);
  const cache = () => getCache(strapi);

  return {
    async readiness(): Promise<Readiness> {
      const [database, cacheStatus, storageStatus] = await Promise.all([
        probe(env.databaseClient, () => strapi.db.connection.raw('select 1')),
        probe(cache().kind, () => cache().ping()),
        probe(storageKind, storage),
      ]);
      const checks = { database, cache: cacheStatus, storage: storageStatus };
      const down = (Object.keys(checks) as DependencyName[]).filter(
        (name) => checks[name].status === 'down',
      );
      return { status: down.length === 0 ? 'ready' : 'unavailable', down, checks };
    },
  };
};
