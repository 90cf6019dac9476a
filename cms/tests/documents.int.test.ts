import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { seedCatalog } from '../src/api/catalog/seed-catalog';
import { startTestBucket, type TestBucket } from '../scripts/test-bucket';
import { documentsApi, elfExecutable, FIXTURE, tinyPdf, tinyPng } from './documents-support';
import {
  bootStrapi,
  createTestDatabase,
  testEnv,
  TEST_REDIS_URL,
  type BootedStrapi,
  type TestDatabase,
} from './harness';

// The compiled module Strapi runs: its subscriber registry, not a second copy of it.
type DomainEventsModule = typeof import('../src/lib/domain-events');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const events: DomainEventsModule = require('../dist/src/lib/domain-events');
const { onDomainEvent } = events;

const BUCKET = 'motorghar-vault-test';
const LINK_SECONDS = 3;
const MAX_BYTES = 64 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the document vault on a private S3 bucket', () => {
  let db: TestDatabase;
  let bucket: TestBucket;
  let app: BootedStrapi;
  let api: ReturnType<typeof documentsApi>;
  let s3: S3Client;
  const saved: Array<Record<string, unknown>> = [];
  const deleted: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    bucket = await startTestBucket(BUCKET);
    db = await createTestDatabase();
    app = await bootStrapi(
      testEnv({
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        ...bucket.env,
        PRIVATE_FILE_URL_SECONDS: String(LINK_SECONDS),
        DOCUMENT_MAX_BYTES: String(MAX_BYTES),
      }),
    );
    await seedCatalog(app.strapi, FIXTURE);
    api = documentsApi(app.strapi);
    s3 = new S3Client({
      region: 'us-east-1',
      endpoint: bucket.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    onDomainEvent(app.strapi, 'document.saved', (payload) => {
      saved.push(payload);
    });
    onDomainEvent(app.strapi, 'document.deleted', (payload) => {
      deleted.push(payload);
    });
  });

  afterAll(async () => {
    s3?.destroy();
    await app?.strapi.destroy();
    await db?.drop();
    await bucket?.close();
  });

  async function keysInBucket(): Promise<string[]> {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    return (listed.Contents ?? []).map((object) => object.Key!).sort();
  }

  async function waitForKeys(expected: string[]) {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if (JSON.stringify(await keysInBucket()) === JSON.stringify(expected)) return;
      await sleep(100);
    }
    expect(await keysInBucket()).toEqual(expected);
  }

  /** Presigns and PUTs `file`; `put` overrides what is actually sent. */
  async function uploaded(
    auth: Record<string, string>,
    file: Buffer,
    declared: { fileName: string; contentType: string; vehicle?: string },
    put: { contentType?: string; body?: Buffer } = {},
  ) {
    const presigned = await api.presign(auth, { ...declared, size: file.length }).expect(201);
    const { uploadId, url, method, headers } = presigned.body.data;
    const response = await fetch(url, {
      method,
      headers: { ...headers, ...(put.contentType ? { 'Content-Type': put.contentType } : {}) },
      body: put.body ?? file,
    });
    return { uploadId: uploadId as string, url: url as string, put: response };
  }

  it('stores a PDF through presign, PUT and finalise; its owner downloads the same bytes', async () => {
    const auth = await api.owner('pdf');
    const vehicle = await api.vehicle(auth, 'BA 2 PA 1001');
    const pdf = tinyPdf();
    const { uploadId, url, put } = await uploaded(auth, pdf, {
      fileName: 'insurance 2083.pdf',
      contentType: 'application/pdf',
      vehicle,
    });
    expect(put.status).toBe(200);
    // Type and length are signed into the URL: real S3 refuses a PUT that changes either.
    expect(new URL(url).searchParams.get('X-Amz-SignedHeaders')).toBe(
      'content-length;content-type;host',
    );

    const finalised = await api
      .finalise(auth, {
        uploadId,
        kind: 'insurance',
        vehicle,
        number: 'NIC-3344',
        issuedOn: '2026-01-15',
        expiresOn: '2027-01-14',
      })
      .expect(201);
    const document = finalised.body.data;
    expect(document).toMatchObject({
      id: uploadId,
      kind: 'insurance',
      vehicle,
      number: 'NIC-3344',
      issuedOn: '2026-01-15',
      expiresOn: '2027-01-14',
      file: {
        name: 'insurance 2083.pdf',
        type: 'application/pdf',
        size: pdf.length,
        sha256: sha256(pdf),
      },
    });
    expect(document).not.toHaveProperty('storageKey');
    expect(saved).toContainEqual({
      ownerId: expect.any(Number),
      vehicleId: vehicle,
      documentId: uploadId,
      kind: 'insurance',
      expiresOn: '2027-01-14',
    });

    const link = await api.http().get(`/api/documents/${uploadId}/download`).set(auth).expect(200);
    expect(new URL(link.body.data.url).searchParams.get('X-Amz-Expires')).toBe(
      String(LINK_SECONDS),
    );
    const file = await fetch(link.body.data.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="insurance 2083.pdf"/,
    );
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);

    const metrics = (await app.strapi.service('global::metrics' as never)) as {
      render(): Promise<string>;
    };
    expect(await metrics.render()).toMatch(
      /private_uploads_total\{result="accepted",reason="ok"\} [1-9]/,
    );
  });

  it('refuses a PNG renamed .pdf and declared application/pdf, and deletes it', async () => {
    const auth = await api.owner('png-as-pdf');
    const before = await keysInBucket();
    const { uploadId } = await uploaded(auth, await tinyPng(), {
      fileName: 'bluebook.pdf',
      contentType: 'application/pdf',
    });
    const refused = await api.finalise(auth, { uploadId, kind: 'bluebook' }).expect(400);
    expect(refused.body.error.message).toBe(
      'bluebook.pdf is a PNG image, not the PDF it was declared as; it was deleted',
    );
    expect(refused.body.error.details).toMatchObject({ rule: 'mismatch', file: 'bluebook.pdf' });
    expect(refused.body.error.details.errors[0].path).toEqual(['uploadId']);
    expect(await keysInBucket()).toEqual(before);
    await api.finalise(auth, { uploadId, kind: 'bluebook' }).expect(404);
  });

  it('accepts a PNG named .pdf that was declared image/png, and stores it as a PNG', async () => {
    const auth = await api.owner('png-named-pdf');
    const png = await tinyPng();
    const { uploadId } = await uploaded(auth, png, {
      fileName: 'licence.pdf',
      contentType: 'image/png',
    });
    const finalised = await api.finalise(auth, { uploadId, kind: 'driving-licence' }).expect(201);
    expect(finalised.body.data.file).toMatchObject({ name: 'licence.png', type: 'image/png' });
    const link = await api.http().get(`/api/documents/${uploadId}/download`).set(auth).expect(200);
    const file = await fetch(link.body.data.url);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toMatch(/^inline; filename="licence.png"/);
  });

  it('refuses an executable renamed .pdf and deletes it from the bucket', async () => {
    const auth = await api.owner('elf');
    const before = await keysInBucket();
    const { uploadId, put } = await uploaded(auth, elfExecutable(), {
      fileName: 'tax-receipt.pdf',
      contentType: 'application/pdf',
    });
    expect(put.status).toBe(200);
    expect((await keysInBucket()).length).toBe(before.length + 1);
    const refused = await api.finalise(auth, { uploadId, kind: 'tax-receipt' }).expect(400);
    expect(refused.body.error.message).toBe(
      'tax-receipt.pdf is not a PDF, JPEG, PNG, WebP or HEIC file; it was deleted',
    );
    expect(refused.body.error.details.rule).toBe('type');
    expect(await keysInBucket()).toEqual(before);
    const metrics = (await app.strapi.service('global::metrics' as never)) as {
      render(): Promise<string>;
    };
    expect(await metrics.render()).toMatch(
      /private_uploads_total\{result="refused",reason="type"\} 1/,
    );
  });

  it('refuses to presign a file over the limit, naming `size`', async () => {
    const auth = await api.owner('big');
    const refused = await api
      .presign(auth, { fileName: 'scan.pdf', contentType: 'application/pdf', size: MAX_BYTES + 1 })
      .expect(400);
    expect(refused.body.error.details.errors[0]).toMatchObject({
      path: ['size'],
      message: 'must be at most 64 KB',
    });
    expect(refused.body.error.details.maxBytes).toBe(MAX_BYTES);
  });

  it('refuses a type the vault does not take at presign, naming `contentType`', async () => {
    const auth = await api.owner('exe');
    const refused = await api
      .presign(auth, { fileName: 'setup.exe', contentType: 'application/x-msdownload', size: 10 })
      .expect(400);
    expect(refused.body.error.details.errors[0].path).toEqual(['contentType']);
  });

  // s3rver does not check V4 signatures (its source: "Signature version 4 calculation is
  // unimplemented"), so it stores a PUT whose length or type differs from the signed ones;
  // real S3 and MinIO refuse it with 403. Finalising catches both here, and deletes the object.
  it('refuses at finalise a PUT longer than declared, which s3rver lets through', async () => {
    const auth = await api.owner('longer');
    const before = await keysInBucket();
    const pdf = tinyPdf();
    const { uploadId, put } = await uploaded(
      auth,
      pdf,
      { fileName: 'permit.pdf', contentType: 'application/pdf' },
      { body: Buffer.concat([pdf, Buffer.alloc(100, 0x20)]) },
    );
    expect(put.status).toBe(200);
    const refused = await api.finalise(auth, { uploadId, kind: 'route-permit' }).expect(400);
    expect(refused.body.error.details.rule).toBe('size');
    expect(refused.body.error.message).toMatch(/^permit\.pdf is \d+ bytes, not the \d+ declared/);
    expect(await keysInBucket()).toEqual(before);
  });

  it('refuses at finalise a PUT sent with another content type than the signed one', async () => {
    const auth = await api.owner('other-type');
    const before = await keysInBucket();
    const { uploadId } = await uploaded(
      auth,
      tinyPdf(),
      { fileName: 'pollution.pdf', contentType: 'application/pdf' },
      { contentType: 'text/html' },
    );
    const refused = await api.finalise(auth, { uploadId, kind: 'pollution' }).expect(400);
    expect(refused.body.error.details.rule).toBe('mismatch');
    expect(refused.body.error.message).toBe(
      'pollution.pdf was uploaded as text/html, not the application/pdf declared; it was deleted',
    );
    expect(await keysInBucket()).toEqual(before);
  });

  it('answers 400 naming uploadId when nothing was uploaded yet, and keeps the upload open', async () => {
    const auth = await api.owner('not-yet');
    const presigned = await api
      .presign(auth, { fileName: 'a.pdf', contentType: 'application/pdf', size: 10 })
      .expect(201);
    const refused = await api
      .finalise(auth, { uploadId: presigned.body.data.uploadId, kind: 'other' })
      .expect(400);
    expect(refused.body.error.details).toMatchObject({ rule: 'missing' });
  });

  it('answers 404 to another owner for everything about my documents', async () => {
    const mine = await api.owner('mine');
    const theirs = await api.owner('theirs');
    const vehicle = await api.vehicle(mine, 'BA 2 PA 1002');
    const pdf = tinyPdf();

    await api
      .presign(theirs, {
        fileName: 'x.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        vehicle,
      })
      .expect(404);

    const { uploadId } = await uploaded(mine, pdf, {
      fileName: 'mine.pdf',
      contentType: 'application/pdf',
    });
    await api.finalise(theirs, { uploadId, kind: 'other' }).expect(404);
    await api.finalise(mine, { uploadId, kind: 'other', vehicle }).expect(201);

    const { uploadId: theirUpload } = await uploaded(theirs, pdf, {
      fileName: 'theirs.pdf',
      contentType: 'application/pdf',
    });
    await api.finalise(theirs, { uploadId: theirUpload, kind: 'other', vehicle }).expect(404);

    const listed = await api.http().get('/api/documents').set(theirs).expect(200);
    expect(listed.body.data).toEqual([]);
    await api.http().get(`/api/documents/${uploadId}`).set(theirs).expect(404);
    await api.http().get(`/api/documents/${uploadId}/download`).set(theirs).expect(404);
    await api
      .http()
      .put(`/api/documents/${uploadId}`)
      .set(theirs)
      .send({ data: { number: 'x' } })
      .expect(404);
    await api.http().delete(`/api/documents/${uploadId}`).set(theirs).expect(404);
    await api.http().get(`/api/documents/${uploadId}`).set(mine).expect(200);
  });

  it('refuses a download link once it has expired', async () => {
    const auth = await api.owner('expiry');
    const { uploadId } = await uploaded(auth, tinyPdf(), {
      fileName: 'e.pdf',
      contentType: 'application/pdf',
    });
    await api.finalise(auth, { uploadId, kind: 'other' }).expect(201);
    const link = await api.http().get(`/api/documents/${uploadId}/download`).set(auth).expect(200);
    expect(Date.parse(link.body.data.expiresAt) - Date.now()).toBeLessThanOrEqual(
      LINK_SECONDS * 1000,
    );
    await sleep((LINK_SECONDS + 1.5) * 1000);
    const late = await fetch(link.body.data.url);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('Request has expired');
  });

  it('deleting a document deletes its object and says so', async () => {
    const auth = await api.owner('delete');
    const before = await keysInBucket();
    const { uploadId } = await uploaded(auth, tinyPdf(), {
      fileName: 'd.pdf',
      contentType: 'application/pdf',
    });
    await api.finalise(auth, { uploadId, kind: 'other' }).expect(201);
    expect((await keysInBucket()).length).toBe(before.length + 1);
    await api.http().delete(`/api/documents/${uploadId}`).set(auth).expect(204);
    await api.http().get(`/api/documents/${uploadId}`).set(auth).expect(404);
    await waitForKeys(before);
    expect(deleted).toContainEqual({ ownerId: expect.any(Number), documentId: uploadId });
  });

  it("deleting a vehicle deletes its documents and their objects, not the owner's others", async () => {
    const auth = await api.owner('vehicle-delete');
    const vehicle = await api.vehicle(auth, 'BA 2 PA 1003');
    const before = await keysInBucket();
    const pdf = tinyPdf();
    const first = await uploaded(auth, pdf, {
      fileName: 'bb.pdf',
      contentType: 'application/pdf',
      vehicle,
    });
    await api.finalise(auth, { uploadId: first.uploadId, kind: 'bluebook', vehicle }).expect(201);
    // An upload not finalised yet goes too.
    await uploaded(auth, pdf, { fileName: 'half.pdf', contentType: 'application/pdf', vehicle });
    const licence = await uploaded(auth, pdf, {
      fileName: 'dl.pdf',
      contentType: 'application/pdf',
    });
    await api.finalise(auth, { uploadId: licence.uploadId, kind: 'driving-licence' }).expect(201);
    expect((await keysInBucket()).length).toBe(before.length + 3);

    await api.http().delete(`/api/vehicles/${vehicle}`).set(auth).expect(204);

    await api.http().get(`/api/documents/${first.uploadId}`).set(auth).expect(404);
    const left = await api.http().get('/api/documents').set(auth).expect(200);
    expect(left.body.data.map((document: { id: string }) => document.id)).toEqual([
      licence.uploadId,
    ]);
    const kept = (await app.strapi.db
      .query('api::document.document')
      .findOne({ where: { documentId: licence.uploadId } })) as { storageKey: string };
    await waitForKeys([...before, kept.storageKey].sort());
  });

  it('lists by vehicle, kind and expiry in keyset pages', async () => {
    const auth = await api.owner('list');
    const vehicle = await api.vehicle(auth, 'BA 2 PA 1004');
    const pdf = tinyPdf();
    const make = async (kind: string, expiresOn: string | null, onVehicle: boolean) => {
      const { uploadId } = await uploaded(auth, pdf, {
        fileName: `${kind}.pdf`,
        contentType: 'application/pdf',
      });
      await api
        .finalise(auth, { uploadId, kind, expiresOn, vehicle: onVehicle ? vehicle : null })
        .expect(201);
      return uploadId;
    };
    const insurance = await make('insurance', '2027-03-01', true);
    const pollution = await make('pollution', '2026-12-20', true);
    const licence = await make('driving-licence', '2030-05-05', false);

    const ids = async (query: string) =>
      (await api.http().get(`/api/documents?${query}`).set(auth).expect(200)).body.data.map(
        (document: { id: string }) => document.id,
      );
    expect(await ids('')).toEqual([licence, pollution, insurance]);
    expect(await ids(`vehicle=${vehicle}`)).toEqual([pollution, insurance]);
    expect(await ids('kind=pollution')).toEqual([pollution]);
    expect(await ids('expiringBefore=2027-06-30')).toEqual([pollution, insurance]);

    const first = await api.http().get('/api/documents?limit=2').set(auth).expect(200);
    expect(first.body.data).toHaveLength(2);
    const next = await api
      .http()
      .get(`/api/documents?limit=2&cursor=${first.body.meta.pagination.nextCursor}`)
      .set(auth)
      .expect(200);
    expect(next.body.data.map((document: { id: string }) => document.id)).toEqual([insurance]);
    expect(next.body.meta.pagination.nextCursor).toBeNull();
    await api.http().get('/api/documents?kind=passport').set(auth).expect(400);
  });

  it('changes a document, keeps expiry after issue, and publishes document.saved', async () => {
    const auth = await api.owner('change');
    const { uploadId } = await uploaded(auth, tinyPdf(), {
      fileName: 'tax.pdf',
      contentType: 'application/pdf',
    });
    await api
      .finalise(auth, {
        uploadId,
        kind: 'tax-receipt',
        issuedOn: '2026-07-17',
        expiresOn: '2027-07-16',
      })
      .expect(201);
    const changed = await api
      .http()
      .put(`/api/documents/${uploadId}`)
      .set(auth)
      .send({ data: { expiresOn: '2027-08-01', number: 'TX-9' } })
      .expect(200);
    expect(changed.body.data).toMatchObject({
      expiresOn: '2027-08-01',
      number: 'TX-9',
      kind: 'tax-receipt',
    });
    expect(saved.at(-1)).toEqual({
      ownerId: expect.any(Number),
      vehicleId: null,
      documentId: uploadId,
      kind: 'tax-receipt',
      expiresOn: '2027-08-01',
    });
    const backwards = await api
      .http()
      .put(`/api/documents/${uploadId}`)
      .set(auth)
      .send({ data: { expiresOn: '2026-01-01' } })
      .expect(400);
    expect(backwards.body.error.details.errors[0]).toMatchObject({
      path: ['expiresOn'],
      message: 'must not be before issuedOn',
    });
    const atFinalise = await api
      .finalise(auth, {
        uploadId: 'a'.repeat(24),
        kind: 'other',
        issuedOn: '2026-02-02',
        expiresOn: '2026-02-01',
      })
      .expect(400);
    expect(atFinalise.body.error.details.errors[0].path).toEqual(['expiresOn']);
  });

  it('sweeps uploads never finalised once they are older than the limit', async () => {
    const auth = await api.owner('sweep');
    const { uploadId } = await uploaded(auth, tinyPdf(), {
      fileName: 's.pdf',
      contentType: 'application/pdf',
    });
    const { uploadKey } = (await app.strapi.db
      .query('api::document.document')
      .findOne({ where: { documentId: uploadId } })) as { uploadKey: string };
    expect(await keysInBucket()).toContain(uploadKey);
    const uploads = app.strapi.service('api::document.document-uploads') as unknown as {
      sweep(now?: number): Promise<number>;
    };
    expect(await uploads.sweep()).toBe(0);
    expect(await uploads.sweep(Date.now() + 25 * 3600 * 1000)).toBeGreaterThanOrEqual(1);
    for (
      let attempt = 0;
      attempt < 50 && (await keysInBucket()).includes(uploadKey);
      attempt += 1
    ) {
      await sleep(100);
    }
    expect(await keysInBucket()).not.toContain(uploadKey);
    await api.finalise(auth, { uploadId, kind: 'other' }).expect(404);
  });
});
