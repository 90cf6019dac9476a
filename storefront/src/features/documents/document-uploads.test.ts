import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseLocale } from '~/i18n';
import { createCmsApi } from '~/lib/cms-api';
import type { FormFields } from '~/features/forms/form-data';
import type { OwnerRequest } from '~/features/garage/vehicle-api';
import { createDocumentApi } from './document-api';
import { createDocumentTransfer } from './document-transfer';
import { createDocumentUploads } from './document-uploads';

const en = parseLocale('en')!;
const UPLOAD_ID = 'u'.repeat(24);
const VEHICLE = 'v'.repeat(24);
const owner: OwnerRequest = { accessToken: 'jwt', locale: 'en', context: { requestId: 'req' } };

/**
 * A loopback CMS with the vault's three steps, as the embedded default answers them: presign
 * (a path with a token), the PUT of the bytes, and finalise, which refuses a PNG declared as
 * a PDF the way the real one does (400 on `uploadId`, `rule: mismatch`).
 */
interface Call {
  method: string;
  url: string;
  authorization?: string;
  json?: { data: Record<string, unknown> };
  bytes?: Buffer;
}
let server: Server;
let cmsUrl: string;
let calls: Call[];
let stored: { type: string; bytes: Buffer } | undefined;
let vehicleIsOwned: boolean;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = request.url ?? '';
      const call: Call = {
        method: request.method!,
        url,
        authorization: request.headers.authorization,
      };
      calls.push(call);
      const json = (status: number, value: unknown) =>
        response
          .writeHead(status, { 'Content-Type': 'application/json' })
          .end(JSON.stringify(value));
      if (request.method === 'POST' && url.startsWith('/api/documents/uploads?')) {
        call.json = JSON.parse(body.toString());
        if (call.json!.data.vehicle && !vehicleIsOwned) {
          return json(404, { error: { status: 404, name: 'NotFoundError', message: 'Not found' } });
        }
        return json(201, {
          data: {
            uploadId: UPLOAD_ID,
            url: `/api/documents/uploads/${UPLOAD_ID}?token=cap`,
            method: 'PUT',
            headers: { 'Content-Type': call.json!.data.contentType },
            expiresAt: '2030-01-01T00:00:00.000Z',
            maxBytes: 10485760,
          },
        });
      }
      if (request.method === 'PUT' && url === `/api/documents/uploads/${UPLOAD_ID}?token=cap`) {
        call.bytes = body;
        stored = { type: String(request.headers['content-type']), bytes: body };
        return response.writeHead(204).end();
      }
      if (request.method === 'POST' && url.startsWith('/api/documents?')) {
        call.json = JSON.parse(body.toString());
        const isPng = stored?.bytes.subarray(1, 4).toString() === 'PNG';
        if (isPng && stored?.type === 'application/pdf') {
          return json(400, {
            error: {
              status: 400,
              name: 'ValidationError',
              message: 'scan.pdf is not what it claimed',
              details: { rule: 'mismatch', errors: [{ path: ['uploadId'], rule: 'mismatch' }] },
            },
          });
        }
        const data = call.json!.data;
        return json(201, {
          data: {
            id: 'd'.repeat(24),
            kind: data.kind,
            vehicle: data.vehicle,
            serviceRecord: null,
            number: data.number,
            issuedOn: data.issuedOn,
            expiresOn: data.expiresOn,
            title: data.title,
            notes: data.notes,
            file: {
              name: 'scan.pdf',
              type: stored?.type,
              size: stored?.bytes.length,
              sha256: null,
            },
            createdAt: '2026-01-01T00:00:00.000Z',
          },
        });
      }
      json(404, { error: { status: 404, name: 'NotFoundError', message: 'Not found' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  calls = [];
  stored = undefined;
  vehicleIsOwned = true;
});

const uploads = () =>
  createDocumentUploads(
    createDocumentApi(createCmsApi({ baseUrl: cmsUrl })),
    createDocumentTransfer({ cmsUrl }),
  );

function formOf(fields: Record<string, string | File>): FormFields {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return {
    text: (name) => {
      const value = data.get(name);
      return typeof value === 'string' ? value.trim() : '';
    },
    secret: (name) => String(data.get(name) ?? ''),
    checked: (name) => data.has(name),
    all: (name) => data.getAll(name),
  };
}

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('presign, for the island', () => {
  it('asks the CMS for an upload and hands the browser the portal’s route with the CSRF header', async () => {
    const answer = await uploads().presign(
      owner,
      formOf({
        kind: 'bluebook',
        vehicle: VEHICLE,
        expiresOn: '2026-12-31',
        fileName: 'scan.pdf',
        contentType: 'application/pdf',
        size: '2048',
      }),
      en,
      'csrf-token',
    );

    expect(answer).toEqual({
      status: 200,
      body: {
        uploadId: UPLOAD_ID,
        url: `/api/documents/uploads/${UPLOAD_ID}?token=cap`,
        method: 'PUT',
        headers: { 'Content-Type': 'application/pdf', 'x-csrf-token': 'csrf-token' },
      },
    });
    expect(calls[0]!.authorization).toBe('Bearer jwt');
    expect(calls[0]!.json).toEqual({
      data: {
        fileName: 'scan.pdf',
        contentType: 'application/pdf',
        size: 2048,
        kind: 'bluebook',
        vehicle: VEHICLE,
      },
    });
  });

  it('checks the details first: a wrong date is "details", and nothing is asked of the CMS', async () => {
    const answer = await uploads().presign(
      owner,
      formOf({
        kind: 'bluebook',
        expiresOn: '2026-02-30',
        fileName: 'scan.pdf',
        contentType: 'application/pdf',
        size: '2048',
      }),
      en,
      'csrf',
    );

    expect(answer).toEqual({ status: 422, body: { error: 'details' } });
    expect(calls).toEqual([]);
  });

  it('another owner’s vehicle is "details" too (the page then says which)', async () => {
    vehicleIsOwned = false;
    const answer = await uploads().presign(
      owner,
      formOf({
        kind: 'bluebook',
        vehicle: VEHICLE,
        fileName: 'a.pdf',
        contentType: 'application/pdf',
        size: '10',
      }),
      en,
      'csrf',
    );

    expect(answer).toEqual({ status: 422, body: { error: 'details' } });
  });

  it('refuses a file type or size the vault does not keep before asking the CMS', async () => {
    const exe = formOf({
      kind: 'other',
      fileName: 'setup.exe',
      contentType: 'application/x-msdownload',
      size: '10',
    });
    const huge = formOf({
      kind: 'other',
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      size: String(11 * 1024 * 1024),
    });

    expect((await uploads().presign(owner, exe, en, 'c')).body).toEqual({ error: 'type' });
    expect((await uploads().presign(owner, huge, en, 'c')).body).toEqual({ error: 'too-large' });
    expect(calls).toEqual([]);
  });
});

describe('the whole upload, without JavaScript', () => {
  it('presigns, sends the bytes to the CMS with the owner’s token, and finalises with the details', async () => {
    const outcome = await uploads().uploadWhole(
      owner,
      formOf({
        kind: 'insurance',
        number: 'POL-77',
        expiresOn: '2027-01-15',
        file: new File([PDF], 'policy.pdf', { type: 'application/pdf' }),
      }),
      en,
      [],
    );

    expect(outcome.kind).toBe('saved');
    expect(calls.map((call) => `${call.method} ${call.url.split('?')[0]}`)).toEqual([
      'POST /api/documents/uploads',
      `PUT /api/documents/uploads/${UPLOAD_ID}`,
      'POST /api/documents',
    ]);
    expect(calls[1]!.authorization).toBe('Bearer jwt');
    expect(calls[1]!.bytes!.equals(PDF)).toBe(true);
    expect(calls[2]!.json).toEqual({
      data: {
        uploadId: UPLOAD_ID,
        kind: 'insurance',
        vehicle: null,
        number: 'POL-77',
        issuedOn: null,
        expiresOn: '2027-01-15',
        title: null,
        notes: null,
      },
    });
  });

  it('a PNG declared as a PDF is refused by the CMS, and the page says so', async () => {
    const outcome = await uploads().uploadWhole(
      owner,
      formOf({ kind: 'other', file: new File([PNG], 'scan.pdf', { type: 'application/pdf' }) }),
      en,
      [],
    );

    expect(outcome).toEqual({ kind: 'refused', upload: 'refused' });
  });

  it('names every missing or wrong field at once, file included, without calling the CMS', async () => {
    const outcome = await uploads().uploadWhole(
      owner,
      formOf({ kind: '', expiresOn: 'tomorrow' }),
      en,
      [],
    );

    expect(outcome.kind === 'invalid' && outcome.errors.map((error) => error.field)).toEqual([
      'kind',
      'expiresOn',
      'file',
    ]);
    expect(calls).toEqual([]);
  });
});
