import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
import { migrateLegacyPhotos } from '../src/api/vehicle/photo-migration';
import {
  bootStrapi,
  catalogIds,
  createTestDatabase,
  testEnv,
  TEST_REDIS_URL,
  type BootedStrapi,
  type TestDatabase,
} from './harness';

const FIXTURE = path.join(__dirname, 'fixtures', 'catalog');
const PASSWORD = 'Gosaikunda-Rasuwa-4380';
const PHOTO_LINK_SECONDS = 2;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every file under `directory`, relative to it. */
function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
    .sort();
}

const image = (width: number, height: number, format: 'jpeg' | 'png' | 'webp' = 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: '#0f766e' } })
    .toFormat(format)
    .toBuffer();

interface ShownPhoto {
  id: string;
  url: string;
  thumbnailUrl: string;
}

// Owners' vehicle photos on the embedded default: in the private folder beside the document
// vault, served only by signed, expiring links; never in public/uploads.
describe('vehicle photos in the private folder (no S3)', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let failPhotoCreate = false;
  let owners = 0;
  const folder = mkdtempSync(path.join(tmpdir(), 'mg-private-photos-'));
  const http = () => request(app.strapi.server.httpServer);
  const uploadsDir = () => path.join(app.strapi.dirs.static.public, 'uploads');

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(
      testEnv({
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        PRIVATE_FILES_DIR: folder,
        PRIVATE_PHOTO_URL_SECONDS: String(PHOTO_LINK_SECONDS),
      }),
    );
    await seedCatalog(app.strapi, FIXTURE);
    app.strapi.documents.use(async (context, next) => {
      if (
        failPhotoCreate &&
        context.uid === 'api::vehicle.vehicle-photo' &&
        context.action === 'create'
      ) {
        throw new Error('database went away');
      }
      return next();
    });
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function ownerWithVehicle() {
    owners += 1;
    const email = `photos-${owners}-${Date.now()}@example.com`;
    const signUp = await http()
      .post('/api/auth/local/register')
      .send({ username: email, email, password: PASSWORD })
      .expect(200);
    const auth = { authorization: `Bearer ${signUp.body.jwt as string}` };
    const { make, model } = await catalogIds(app.strapi, 'bajaj', 'pulsar-150');
    const created = await http()
      .post('/api/vehicles')
      .set(auth)
      .send({
        data: { makeId: make, modelId: model, year: 2021, registrationNumber: `ME 1 PA ${owners}` },
      })
      .expect(201);
    return { auth, vehicleId: created.body.data.id as string };
  }

  const upload = (auth: Record<string, string>, vehicleId: string, photo: Buffer, name: string) =>
    http()
      .post(`/api/vehicles/${vehicleId}/photos`)
      .set(auth)
      .attach('files', photo, { filename: name, contentType: 'image/jpeg' });

  it('keeps the photo and its 500 px copy in the private folder, nothing in public/uploads', async () => {
    const { auth, vehicleId } = await ownerWithVehicle();
    const publicBefore = filesUnder(uploadsDir());
    const uploads = await app.strapi.db.query('plugin::upload.file').count({});

    const uploaded = await upload(auth, vehicleId, await image(1200, 800), 'side.jpg').expect(201);

    const [photo] = uploaded.body.data.photos as ShownPhoto[];
    expect(photo.id).toMatch(/^[a-z0-9]{20,}$/);
    expect(photo.url).toMatch(/^\/api\/files\/[\w-]+\.[\w-]+$/);
    expect(photo.thumbnailUrl).toMatch(/^\/api\/files\//);
    expect(photo.thumbnailUrl).not.toBe(photo.url);
    expect(uploaded.body.data.picture).toEqual({
      url: photo.url,
      thumbnailUrl: photo.thumbnailUrl,
      source: 'photo',
    });
    expect(filesUnder(uploadsDir())).toEqual(publicBefore);
    expect(await app.strapi.db.query('plugin::upload.file').count({})).toBe(uploads);
    const row = await app.strapi.db
      .query('api::vehicle.vehicle-photo')
      .findOne({ where: { documentId: photo.id } });
    expect(row).toMatchObject({ vehicle: vehicleId, mime: 'image/jpeg', width: 1200, height: 800 });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(filesUnder(folder)).toEqual(
      expect.arrayContaining([row.storageKey, row.smallKey].map((key) => path.normalize(key))),
    );

    const full = await http().get(photo.url).buffer(true).expect(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(full.headers['x-content-type-options']).toBe('nosniff');
    expect(full.headers['content-disposition']).toMatch(/^inline; filename="photo\.jpg"/);
    expect(full.headers['cache-control']).toBe('private, no-store');
    expect((await sharp(full.body as Buffer).metadata()).width).toBe(1200);
    const small = await http().get(photo.thumbnailUrl).buffer(true).expect(200);
    expect(await sharp(small.body as Buffer).metadata()).toMatchObject({ width: 500, height: 333 });

    // The bytes are not under any public path.
    for (const key of [row.storageKey, row.smallKey]) {
      expect((await http().get(`/uploads/${key}`)).status).toBe(404);
      expect((await http().get(`/${key}`)).status).toBe(404);
    }
  });

  it('signs links for PRIVATE_PHOTO_URL_SECONDS; an expired link is refused, the next read has a fresh one', async () => {
    const { auth, vehicleId } = await ownerWithVehicle();
    const uploaded = await upload(auth, vehicleId, await image(64, 48), 'p.jpg').expect(201);
    const [photo] = uploaded.body.data.photos as ShownPhoto[];
    const payload = JSON.parse(
      Buffer.from(photo.url.split('/').at(-1)!.split('.')[0], 'base64url').toString('utf8'),
    ) as { exp: number; key: string };
    expect(payload.exp - Date.now() / 1000).toBeGreaterThan(PHOTO_LINK_SECONDS - 1.5);
    expect(payload.exp - Date.now() / 1000).toBeLessThanOrEqual(PHOTO_LINK_SECONDS);

    await sleep(PHOTO_LINK_SECONDS * 1000 + 200);
    const late = await http().get(photo.url);
    expect(late.status).toBe(403);
    expect(late.body.error.message).toBe('This link has expired');

    // The garage cache holds answers for a third of the links' life at most: never stale.
    const again = await http().get(`/api/vehicles/${vehicleId}`).set(auth).expect(200);
    const [fresh] = again.body.data.photos as ShownPhoto[];
    expect(fresh.id).toBe(photo.id);
    await http().get(fresh.url).expect(200);
    const listed = await http().get('/api/vehicles').set(auth).expect(200);
    await http().get(listed.body.data[0].picture.url).expect(200);
  });

  it('lets no other owner, and no one signed out, reach a photo or delete it', async () => {
    const owner = await ownerWithVehicle();
    const intruder = await ownerWithVehicle();
    const uploaded = await upload(owner.auth, owner.vehicleId, await image(64, 48), 'm.jpg');
    const [photo] = uploaded.body.data.photos as ShownPhoto[];

    await http().get(`/api/vehicles/${owner.vehicleId}`).set(intruder.auth).expect(404);
    // Signed out: the public role has no vehicle route at all.
    expect([401, 403]).toContain((await http().get(`/api/vehicles/${owner.vehicleId}`)).status);
    const intruderList = await http().get('/api/vehicles').set(intruder.auth).expect(200);
    expect(JSON.stringify(intruderList.body)).not.toContain(photo.id);
    // Their own vehicle's path with this photo's id, and this vehicle's path: both 404.
    await http()
      .delete(`/api/vehicles/${intruder.vehicleId}/photos/${photo.id}`)
      .set(intruder.auth)
      .expect(404);
    await http()
      .delete(`/api/vehicles/${owner.vehicleId}/photos/${photo.id}`)
      .set(intruder.auth)
      .expect(404);
    expect([401, 403]).toContain(
      (await http().delete(`/api/vehicles/${owner.vehicleId}/photos/${photo.id}`)).status,
    );

    // A link cannot be forged or pointed at another key.
    const [payload, signature] = photo.url.split('/').at(-1)!.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forged = Buffer.from(
      JSON.stringify({ ...claims, key: claims.key.replace(/photos\/\d+/, 'photos/1') }),
    ).toString('base64url');
    expect((await http().get(`/api/files/${forged}.${signature}`)).status).toBe(403);
    expect((await http().get(`/api/files/${payload}.x${signature}`)).status).toBe(403);

    const mine = await http().get(`/api/vehicles/${owner.vehicleId}`).set(owner.auth).expect(200);
    expect(mine.body.data.photos.map((shown: ShownPhoto) => shown.id)).toEqual([photo.id]);
  });

  it('lists photos newest first and deletes one by its id, files and row', async () => {
    const { auth, vehicleId } = await ownerWithVehicle();
    const first = await upload(auth, vehicleId, await image(700, 700), 'a.jpg').expect(201);
    const second = await upload(auth, vehicleId, await image(64, 48), 'b.jpg').expect(201);
    const [older] = first.body.data.photos as ShownPhoto[];
    const photos = second.body.data.photos as ShownPhoto[];
    expect(photos.map((photo) => photo.id)).toEqual([expect.any(String), older.id]);
    const [newer] = photos;
    expect(second.body.data.picture.url).toBe(newer.url);
    // Small enough for no smaller copy: the small copy is the photo itself.
    expect(newer.thumbnailUrl).toBe(newer.url);
    const row = await app.strapi.db
      .query('api::vehicle.vehicle-photo')
      .findOne({ where: { documentId: older.id } });
    expect(existsSync(path.join(folder, row.storageKey))).toBe(true);
    expect(existsSync(path.join(folder, row.smallKey))).toBe(true);

    await http().delete(`/api/vehicles/${vehicleId}/photos/${older.id}`).set(auth).expect(204);

    expect(existsSync(path.join(folder, row.storageKey))).toBe(false);
    expect(existsSync(path.join(folder, row.smallKey))).toBe(false);
    expect((await http().get(older.url)).status).toBe(404);
    const after = await http().get(`/api/vehicles/${vehicleId}`).set(auth).expect(200);
    expect(after.body.data.photos.map((photo: ShownPhoto) => photo.id)).toEqual([newer.id]);
    await http().delete(`/api/vehicles/${vehicleId}/photos/${older.id}`).set(auth).expect(404);
  });

  it('removes the stored files again when the photo rows cannot be written', async () => {
    const { auth, vehicleId } = await ownerWithVehicle();
    const before = filesUnder(folder);
    failPhotoCreate = true;
    try {
      const response = await upload(auth, vehicleId, await image(900, 600), 'x.jpg');
      expect(response.status).toBe(500);
    } finally {
      failPhotoCreate = false;
    }
    expect(filesUnder(folder)).toEqual(before);
    const vehicle = await http().get(`/api/vehicles/${vehicleId}`).set(auth).expect(200);
    expect(vehicle.body.data.photos).toEqual([]);
  });

  it('moves photos stored in public/uploads by the old release into the private store, once', async () => {
    const { auth, vehicleId } = await ownerWithVehicle();
    const older = await image(900, 600);
    const newer = await image(64, 48, 'png');
    const vehicle = await app.strapi.db
      .query('api::vehicle.vehicle')
      .findOne({ where: { documentId: vehicleId } });
    // As the old release stored them: through the upload plugin, onto the vehicle's media field.
    const legacy = [];
    for (const [bytes, name, mime] of [
      [older, 'old.jpg', 'image/jpeg'],
      [newer, 'new.png', 'image/png'],
    ] as const) {
      const temp = path.join(folder, `legacy-${name}`);
      writeFileSync(temp, bytes);
      const [file] = await app.strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { ref: 'api::vehicle.vehicle', refId: vehicle.id, field: 'photos' },
          files: { filepath: temp, originalFilename: name, mimetype: mime, size: bytes.length },
        });
      rmSync(temp);
      legacy.push(file as { id: number; url: string });
    }
    const publicFile = (url: string) => path.join(app.strapi.dirs.static.public, url);
    // What the old release kept (the plugin may have re-encoded what it was sent).
    const kept = legacy.map((file) => readFileSync(publicFile(file.url)));

    expect(await migrateLegacyPhotos(app.strapi)).toEqual({ moved: 2, skipped: 0, failed: 0 });

    for (const file of legacy) {
      expect(existsSync(publicFile(file.url))).toBe(false);
      expect((await http().get(file.url)).status).toBe(404);
      expect(
        await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: file.id } }),
      ).toBeNull();
    }
    const shown = await http().get(`/api/vehicles/${vehicleId}`).set(auth).expect(200);
    const photos = shown.body.data.photos as ShownPhoto[];
    expect(photos).toHaveLength(2);
    // The newest stays the picture; the bytes are the very ones kept before.
    expect(shown.body.data.picture.url).toBe(photos[0].url);
    const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    const served = await Promise.all(
      photos.map(async (photo) => (await http().get(photo.url).buffer(true).expect(200)).body),
    );
    expect(served.map(sha)).toEqual([sha(kept[1]), sha(kept[0])]);
    const small = await http().get(photos[1].thumbnailUrl).buffer(true).expect(200);
    expect((await sharp(small.body as Buffer).metadata()).width).toBe(500);

    expect(await migrateLegacyPhotos(app.strapi)).toEqual({ moved: 0, skipped: 0, failed: 0 });
    const again = await http().get(`/api/vehicles/${vehicleId}`).set(auth).expect(200);
    expect(again.body.data.photos).toHaveLength(2);
  });
});
