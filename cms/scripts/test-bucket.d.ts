export interface TestBucket {
  /** Where the bucket's server listens, e.g. `http://127.0.0.1:41171`. */
  endpoint: string;
  /** The CMS's S3 settings for this bucket. */
  env: Record<'S3_ENDPOINT' | 'S3_BUCKET' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY', string>;
  close(): Promise<void>;
}

/** A real S3-speaking server on loopback with one empty bucket, for throwaway runs only. */
export function startTestBucket(bucket: string, options?: { port?: number }): Promise<TestBucket>;
