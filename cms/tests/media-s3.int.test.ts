import path from 'node:path';
import { GetObjectAclCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import request from 'supertest';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
import {
  bootStrapi,
  createTestDatabase,
  testEnv,
  TEST_REDIS_URL,
  type BootedStrapi,
  type TestDatabase,
} from './harness';
import { startTestBucket, type TestBucket } from '../scripts/test-bucket';

const FIXTURE = path.join(__dirname, 'fixtures', 'catalog');
const BUCKET = 'motorghar-media-test';
const SIGNED_FOR_SECONDS = 600;

// Owners' photos are kept in the private store (the bucket, not the upload plugin's public
// files): a browser can load one only by a short-lived presigned URL, and a small copy serves
// the garage's cards.
describe('vehicle photos on a private S3 bucket', () => {
  let db: TestDatabase;
  let bucket: TestBucket;
  let app: BootedStrapi;
  const http = () => request(app.strapi.server.httpServer);

  beforeAll(async () => {
    bucket = await startTestBucket(BUCKET);
    db = await createTestDatabase();
    app = await bootStrapi(
      testEnv({
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        ...bucket.env,
        PRIVATE_PHOTO_URL_SECONDS: String(SIGNED_FOR_SECONDS),
      }),
    );
    await seedCatalog(app.strapi, FIXTURE);
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
    await bucket?.close();
  });

  async function ownerWithVehicle() {
    const email = 'media-owner@example.com';
    const registered = await http()
      .post('/api/auth/local/register')
      .send({ username: email, email, password: 'Rara-Lake-Mugu-2990' })
      .expect(200);
    const auth = { authorization: `Bearer ${registered.body.jwt as string}` };
    const makes = (await http().get('/api/catalog/makes')).body.data as Array<{
      id: string;
      slug: string;
    }>;
    const bajaj = makes.find((make) => make.slug === 'bajaj')!.id;
    const models = (await http().get(`/api/catalog/makes/${bajaj}/models`)).body.data as Array<{
      id: string;
      slug: string;
    }>;
    const pulsar = models.find((model) => model.slug === 'pulsar-150')!.id;
    const vehicle = await http()
      .post('/api/vehicles')
      .set(auth)
      .send({
        data: { makeId: bajaj, modelId: pulsar, year: 2020, registrationNumber: 'GA 1 PA 4321' },
      })
      .expect(201);
    return { auth, vehicleId: vehicle.body.data.id as string };
  }

  function expectSigned(url: string) {
    const signed = new URL(url);
    expect(signed.pathname).toMatch(new RegExp(`^/${BUCKET}/photos/\\d+/`));
    expect(signed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.searchParams.get('X-Amz-Expires')).toBe(String(SIGNED_FOR_SECONDS));
  }

  it('answers signed URLs for the photo and its small copy, and both load', async () => {
    const { auth, vehicleId } = await ownerWithVehicle();
    const photo = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: '#1d4ed8' },
    })
      .jpeg()
      .toBuffer();

    const uploaded = await http()
      .post(`/api/vehicles/${vehicleId}/photos`)
      .set(auth)
      .attach('files', photo, { filename: 'side.jpg', contentType: 'image/jpeg' })
      .expect(201);

    const [stored] = uploaded.body.data.photos as Array<{
      id: string;
      url: string;
      thumbnailUrl: string;
    }>;
    expectSigned(stored!.url);
    expectSigned(stored!.thumbnailUrl);
    expect(new URL(stored!.thumbnailUrl).pathname).toBe(`${new URL(stored!.url).pathname}-small`);
    // Nothing went through the upload plugin (whose files a bucket policy may make public).
    expect(await app.strapi.db.query('plugin::upload.file').count({})).toBe(0);

    const listed = await http().get('/api/vehicles').set(auth).expect(200);
    const { picture } = listed.body.data[0];
    expect(picture.source).toBe('photo');
    expectSigned(picture.url);
    expectSigned(picture.thumbnailUrl);

    const [full, small] = await Promise.all([fetch(picture.url), fetch(picture.thumbnailUrl)]);
    expect(full.status).toBe(200);
    expect(small.status).toBe(200);
    const fullSize = await sharp(Buffer.from(await full.arrayBuffer())).metadata();
    const smallSize = await sharp(Buffer.from(await small.arrayBuffer())).metadata();
    expect(fullSize.width).toBe(1200);
    expect(smallSize.width).toBe(500);
    expect(full.headers.get('content-type')).toBe('image/jpeg');
    expect(full.headers.get('cache-control')).toBe('private, no-store');

    // Stored private: no grant to everyone. (s3rver serves an unsigned GET anyway, as it
    // checks no signature; a real bucket refuses it, which is S3's behaviour, not tested here.)
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: bucket.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const key = new URL(stored!.url).pathname.slice(`/${BUCKET}/`.length);
    const acl = await client.send(new GetObjectAclCommand({ Bucket: BUCKET, Key: key }));
    expect(JSON.stringify(acl.Grants ?? [])).not.toMatch(/AllUsers|AuthenticatedUsers/);

    // Deleting the photo deletes both objects.
    await http().delete(`/api/vehicles/${vehicleId}/photos/${stored!.id}`).set(auth).expect(204);
    for (const gone of [key, `${key}-small`]) {
      await expect(
        client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: gone })),
      ).rejects.toThrow();
    }
  });
});
