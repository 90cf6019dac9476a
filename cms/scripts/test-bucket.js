const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const S3rver = require('s3rver');

/** A bucket CORS rule letting pages of `origins` PUT and GET (presigned uploads from a browser). */
function corsConfig(origins) {
  const allowed = origins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`).join('');
  return (
    '<CORSConfiguration><CORSRule>' +
    allowed +
    '<AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod>' +
    '<AllowedHeader>*</AllowedHeader><MaxAgeSeconds>600</MaxAgeSeconds>' +
    '</CORSRule></CORSConfiguration>'
  );
}

/**
 * A real S3-speaking server on loopback with one empty bucket, its files in a temporary
 * folder, for runs whose data is thrown away (tests, browser tests). `port` 0 picks a free one;
 * `corsOrigins` lets browsers on those origins send presigned uploads, as a production bucket's
 * CORS rule must.
 */
async function startTestBucket(bucket, { port = 0, corsOrigins = [] } = {}) {
  const directory = mkdtempSync(path.join(tmpdir(), 'mg-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory,
    configureBuckets: [
      { name: bucket, configs: corsOrigins.length > 0 ? [corsConfig(corsOrigins)] : [] },
    ],
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    env: {
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

module.exports = { startTestBucket };
