import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
import { documentsApi, elfExecutable, FIXTURE, tinyPdf, tinyPng } from './documents-support';
import {
  bootStrapi,
  createTestDatabase,
  testEnv,
  TEST_REDIS_URL,
  type BootedStrapi,
  type TestDatabase,
} from './harness';

const LINK_SECONDS = 2;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every file under `directory`, relative to it. */
function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
    .sort();
}

// Without S3 (the embedded default) the bytes go through the API into a private folder, and
// come back only through a signed, expiring link.
describe('the document vault in the private folder (no S3)', () => {
  let db: TestDatabase;
  let app: BootedStrapi;
  let api: ReturnType<typeof documentsApi>;
  const folder = mkdtempSync(path.join(tmpdir(), 'mg-private-'));

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bootStrapi(
      testEnv({
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        PRIVATE_FILES_DIR: folder,
        PRIVATE_FILE_URL_SECONDS: String(LINK_SECONDS),
      }),
    );
    await seedCatalog(app.strapi, FIXTURE);
    api = documentsApi(app.strapi);
  });

  afterAll(async () => {
    await app?.strapi.destroy();
    await db?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function presigned(
    auth: Record<string, string>,
    file: Buffer,
    fileName: string,
    contentType: string,
  ) {
    const answer = await api
      .presign(auth, { fileName, contentType, size: file.length })
      .expect(201);
    return answer.body.data as {
      uploadId: string;
      url: string;
      method: string;
      headers: Record<string, string>;
    };
  }

  it('takes the bytes through the API and serves them back to the owner only by a signed link', async () => {
    const auth = await api.owner('local-pdf');
    const pdf = tinyPdf();
    const target = await presigned(auth, pdf, 'bluebook.pdf', 'application/pdf');
    expect(target.method).toBe('PUT');
    expect(target.url).toMatch(new RegExp(`^/api/documents/uploads/${target.uploadId}\\?token=`));

    await api.http().put(target.url).set(target.headers).send(pdf).expect(204);
    expect(filesUnder(folder)).toEqual([expect.stringMatching(/^uploads\//)]);
    const finalised = await api
      .finalise(auth, { uploadId: target.uploadId, kind: 'bluebook', expiresOn: '2027-04-13' })
      .expect(201);
    expect(finalised.body.data.file).toMatchObject({
      name: 'bluebook.pdf',
      type: 'application/pdf',
    });
    const stored = filesUnder(folder);
    expect(stored).toEqual([expect.stringMatching(/^documents\/\d+\/[0-9a-f-]{36}$/)]);
    expect(readFileSync(path.join(folder, stored[0]!)).equals(pdf)).toBe(true);

    const link = await api
      .http()
      .get(`/api/documents/${target.uploadId}/download`)
      .set(auth)
      .expect(200);
    expect(link.body.data.url).toMatch(/^\/api\/files\/[\w-]+\.[\w-]+$/);
    const file = await api.http().get(link.body.data.url).buffer(true).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="bluebook.pdf"/);
    expect(file.headers['cache-control']).toBe('private, no-store');
    expect(Buffer.from(file.body as Buffer).equals(pdf)).toBe(true);

    // A link whose token was edited is refused.
    const [payload, signature] = link.body.data.url.split('/').pop().split('.');
    await api
      .http()
      .get(`/api/files/${payload}.${signature.slice(0, -2)}xx`)
      .expect(403);
    // The folder is not under public/: the static file server has nothing of it.
    await api.http().get(`/uploads/${stored[0]}`).expect(404);
  });

  it('refuses a body of another type or length than the link was signed for', async () => {
    const auth = await api.owner('local-put');
    const pdf = tinyPdf();
    const target = await presigned(auth, pdf, 'permit.pdf', 'application/pdf');

    const otherType = await api
      .http()
      .put(target.url)
      .set('Content-Type', 'text/html')
      .send(pdf.toString('latin1'));
    expect(otherType.status).toBe(415);
    const longer = await api
      .http()
      .put(target.url)
      .set(target.headers)
      .send(Buffer.concat([pdf, Buffer.from('more')]));
    expect(longer.status).toBe(413);
    expect(longer.body.error.message).toBe(
      `This upload link takes exactly ${pdf.length} bytes, not ${pdf.length + 4}`,
    );
    const shorter = await api.http().put(target.url).set(target.headers).send(pdf.subarray(1));
    expect(shorter.status).toBe(400);
    await api
      .http()
      .put(`/api/documents/uploads/${target.uploadId}?token=forged.token`)
      .set(target.headers)
      .send(pdf)
      .expect(403);
    expect(filesUnder(folder).filter((file) => file.startsWith('uploads/'))).toEqual([]);
    await api.http().put(target.url).set(target.headers).send(pdf).expect(204);
  });

  it('refuses an executable renamed .pdf and deletes it from the folder', async () => {
    const auth = await api.owner('local-elf');
    const before = filesUnder(folder);
    const elf = elfExecutable();
    const target = await presigned(auth, elf, 'receipt.pdf', 'application/pdf');
    await api.http().put(target.url).set(target.headers).send(elf).expect(204);
    expect(filesUnder(folder)).toHaveLength(before.length + 1);
    const refused = await api
      .finalise(auth, { uploadId: target.uploadId, kind: 'tax-receipt' })
      .expect(400);
    expect(refused.body.error.details.rule).toBe('type');
    expect(filesUnder(folder)).toEqual(before);
  });

  it('accepts a HEIC photo from a phone, and a Windows program renamed .jpg is refused', async () => {
    const auth = await api.owner('local-heic');
    // The start of an iPhone photo: an ISO-BMFF `ftyp` box of brand heic.
    const heic = Buffer.alloc(64);
    heic.writeUInt32BE(24, 0);
    heic.write('ftypheic', 4, 'latin1');
    heic.write('mif1heic', 16, 'latin1');
    const photo = await presigned(auth, heic, 'IMG_2041.HEIC', 'image/heic');
    await api.http().put(photo.url).set(photo.headers).send(heic).expect(204);
    const accepted = await api
      .finalise(auth, { uploadId: photo.uploadId, kind: 'driving-licence' })
      .expect(201);
    expect(accepted.body.data.file).toMatchObject({ name: 'IMG_2041.heic', type: 'image/heic' });

    const program = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(126)]);
    const target = await presigned(auth, program, 'licence.jpg', 'image/jpeg');
    await api.http().put(target.url).set(target.headers).send(program).expect(204);
    const refused = await api
      .finalise(auth, { uploadId: target.uploadId, kind: 'driving-licence' })
      .expect(400);
    expect(refused.body.error.message).toBe(
      'licence.jpg is not a PDF, JPEG, PNG, WebP or HEIC file; it was deleted',
    );
  });

  it('refuses a PNG renamed .pdf declared as a PDF, and deletes it', async () => {
    const auth = await api.owner('local-png');
    const before = filesUnder(folder);
    const png = await tinyPng();
    const target = await presigned(auth, png, 'insurance.pdf', 'application/pdf');
    await api.http().put(target.url).set(target.headers).send(png).expect(204);
    const refused = await api
      .finalise(auth, { uploadId: target.uploadId, kind: 'insurance' })
      .expect(400);
    expect(refused.body.error.details.rule).toBe('mismatch');
    expect(filesUnder(folder)).toEqual(before);
  });

  it("answers 404 to another owner's finalise and download, and refuses an expired link", async () => {
    const mine = await api.owner('local-mine');
    const theirs = await api.owner('local-theirs');
    const pdf = tinyPdf();
    const target = await presigned(mine, pdf, 'mine.pdf', 'application/pdf');
    await api.http().put(target.url).set(target.headers).send(pdf).expect(204);
    await api.finalise(theirs, { uploadId: target.uploadId, kind: 'other' }).expect(404);
    await api.finalise(mine, { uploadId: target.uploadId, kind: 'other' }).expect(201);
    await api.http().get(`/api/documents/${target.uploadId}/download`).set(theirs).expect(404);

    const link = await api
      .http()
      .get(`/api/documents/${target.uploadId}/download`)
      .set(mine)
      .expect(200);
    await api.http().get(link.body.data.url).expect(200);
    await sleep((LINK_SECONDS + 1) * 1000);
    const late = await api.http().get(link.body.data.url).expect(403);
    expect(late.body.error.message).toBe('This link has expired');
  });

  it('deletes the file with its document', async () => {
    const auth = await api.owner('local-delete');
    const before = filesUnder(folder);
    const pdf = tinyPdf();
    const target = await presigned(auth, pdf, 'd.pdf', 'application/pdf');
    await api.http().put(target.url).set(target.headers).send(pdf).expect(204);
    await api.finalise(auth, { uploadId: target.uploadId, kind: 'other' }).expect(201);
    expect(filesUnder(folder)).toHaveLength(before.length + 1);
    await api.http().delete(`/api/documents/${target.uploadId}`).set(auth).expect(204);
    for (let attempt = 0; attempt < 50 && filesUnder(folder).length > before.length; attempt += 1) {
      await sleep(50);
    }
    expect(filesUnder(folder)).toEqual(before);
  });

  it("attaches receipts to the owner's own service record only, and keeps them when the record goes", async () => {
    const auth = await api.owner('local-receipt');
    const vehicle = await api.vehicle(auth, 'BA 9 PA 2468');
    const record = await api
      .http()
      .post('/api/service-records')
      .set(auth)
      .send({
        data: { vehicleId: vehicle, scheduledAt: '2026-11-20T10:00:00+05:45', kind: 'brakes' },
      })
      .expect(201);
    const recordId = record.body.data.id as string;
    const upload = async () => {
      const pdf = tinyPdf();
      const target = await presigned(auth, pdf, 'bill.pdf', 'application/pdf');
      await api.http().put(target.url).set(target.headers).send(pdf).expect(204);
      return target.uploadId;
    };

    // Another owner's record is not theirs to attach to: 404, and nothing is finalised.
    const stranger = await api.owner('local-receipt-other');
    const strangerVehicle = await api.vehicle(stranger, 'BA 9 PA 1357');
    const theirs = await api
      .http()
      .post('/api/service-records')
      .set(stranger)
      .send({
        data: {
          vehicleId: strangerVehicle,
          scheduledAt: '2026-11-20T10:00:00+05:45',
          kind: 'tyres',
        },
      })
      .expect(201);
    const refusedId = await upload();
    await api
      .finalise(auth, {
        uploadId: refusedId,
        kind: 'service-invoice',
        serviceRecord: theirs.body.data.id,
      })
      .expect(404);
    await api
      .http()
      .get(`/api/documents?serviceRecord=${theirs.body.data.id}`)
      .set(auth)
      .expect(404);

    const receiptId = await upload();
    await api
      .finalise(auth, { uploadId: receiptId, kind: 'service-invoice', serviceRecord: recordId })
      .expect(201);
    const attached = await api
      .http()
      .get(`/api/documents?serviceRecord=${recordId}`)
      .set(auth)
      .expect(200);
    expect(attached.body.data.map((doc: { id: string }) => doc.id)).toEqual([receiptId]);

    await api.http().delete(`/api/service-records/${recordId}`).set(auth).expect(204);
    const kept = await api.http().get(`/api/documents/${receiptId}`).set(auth).expect(200);
    expect(kept.body.data.serviceRecord).toBeNull();
  });
});
