import path from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { ownerFixture, type Owner } from './support/owners';

export const FIXTURE = path.join(__dirname, 'fixtures', 'catalog');

/** A tiny but valid one-page PDF. */
export function tinyPdf(): Buffer {
  const objects = [
    '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
    '3 0 obj<</Type/Page/MediaBox[0 0 72 72]/Parent 2 0 R>>endobj',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(body.length);
    body += `${object}\n`;
  }
  const xref = body.length;
  body += `xref\n0 4\n0000000000 65535 f \n${offsets
    .map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)
    .join('')}trailer<</Size 4/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export const tinyPng = () =>
  sharp({ create: { width: 4, height: 4, channels: 3, background: '#dc2626' } })
    .png()
    .toBuffer();

/** The start of a Linux executable (ELF header), padded: what a renamed program looks like. */
export function elfExecutable(): Buffer {
  const bytes = Buffer.alloc(256);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]).copy(bytes);
  bytes.writeUInt16LE(2, 16); // ET_EXEC
  bytes.writeUInt16LE(0x3e, 18); // x86-64
  return bytes;
}

/** The API as one test file's owners use it. */
export function documentsApi(strapi: Core.Strapi) {
  const http = () => request(strapi.server.httpServer);
  const owners = ownerFixture(() => strapi, 'documents');
  const ownerOf = new WeakMap<Record<string, string>, Owner>();

  return {
    http,

    /** A new owner's bearer header; `label` starts their email address. */
    async owner(label: string) {
      const owner = await owners.signUp({}, label);
      ownerOf.set(owner.auth, owner);
      return owner.auth;
    },

    async vehicle(auth: Record<string, string>, registrationNumber: string) {
      const owner = ownerOf.get(auth);
      if (!owner) throw new Error('vehicle(auth): sign the owner up with owner() first');
      return (await owners.addVehicle(owner, { year: 2020, registrationNumber })).id;
    },

    presign(auth: Record<string, string>, data: Record<string, unknown>) {
      return http().post('/api/documents/uploads').set(auth).send({ data });
    },

    finalise(auth: Record<string, string>, data: Record<string, unknown>) {
      return http().post('/api/documents').set(auth).send({ data });
    },
  };
}
