import type { Core } from '@strapi/strapi';
import { findOwnedVehicle } from '../owned-vehicles';
import { errors } from '@strapi/utils';
import { createCursorCodec, toPage, type Page, type PageQuery } from '../../../lib/pagination';
import { loadEnv } from '../../../lib/env';

const NOTE = 'api::vehicle.vehicle-note';
const READING = 'api::vehicle.odometer-reading';

interface NoteRow {
  id: number;
  documentId: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  vehicle?: { ownerId: number } | null;
}

interface ReadingRow {
  id: number;
  documentId: string;
  readingKm: number;
  readOn: string;
  correction: boolean;
  createdAt: string;
}

export interface Note {
  id: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface Reading {
  id: string;
  readingKm: number;
  readOn: string;
  correction: boolean;
  createdAt: string;
}

const toNote = (row: NoteRow): Note => ({
  id: row.documentId,
  body: row.body,
  createdAt: new Date(row.createdAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});

const toReading = (row: ReadingRow): Reading => ({
  id: row.documentId,
  readingKm: row.readingKm,
  readOn: String(row.readOn).slice(0, 10),
  correction: Boolean(row.correction),
  createdAt: new Date(row.createdAt).toISOString(),
});

/** Notes and odometer history of an owner's vehicles; someone else's answers 404. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cursors = createCursorCodec(`vehicle-records:${loadEnv().appKeys[0]}`);

  async function page<Row extends { id: number }, T>(
    uid: typeof NOTE | typeof READING,
    vehicleId: number,
    query: PageQuery,
    map: (row: Row) => T,
  ): Promise<Page<T>> {
    const afterId = query.cursor ? cursors.decode(query.cursor) : null;
    const rows = (await strapi.db.query(uid).findMany({
      where: { vehicle: { id: vehicleId }, ...(afterId === null ? {} : { id: { $lt: afterId } }) },
      orderBy: { id: 'desc' },
      limit: query.limit + 1,
    })) as Row[];
    return toPage(rows, query.limit, (id) => cursors.encode(id), map);
  }

  async function ownedNote(ownerId: number, documentId: string): Promise<NoteRow> {
    const note = (await strapi.db.query(NOTE).findOne({
      where: { documentId, vehicle: { ownerId } },
      populate: { vehicle: { select: ['ownerId'] } },
    })) as NoteRow | null;
    if (!note) throw new errors.NotFoundError('Note not found');
    return note;
  }

  return {
    async notes(ownerId: number, vehicleId: string, query: PageQuery): Promise<Page<Note>> {
      const vehicle = await findOwnedVehicle(strapi, ownerId, vehicleId);
      return page(NOTE, vehicle.id, query, toNote);
    },

    async addNote(ownerId: number, vehicleId: string, body: string): Promise<Note> {
      await findOwnedVehicle(strapi, ownerId, vehicleId);
      const created = await strapi
        .documents(NOTE)
        .create({ data: { body, vehicle: vehicleId } as never });
      return toNote(created as unknown as NoteRow);
    },

    async updateNote(ownerId: number, noteId: string, body: string): Promise<Note> {
      await ownedNote(ownerId, noteId);
      const updated = await strapi
        .documents(NOTE)
        .update({ documentId: noteId, data: { body } as never });
      return toNote(updated as unknown as NoteRow);
    },

    async deleteNote(ownerId: number, noteId: string): Promise<void> {
      await ownedNote(ownerId, noteId);
      await strapi.documents(NOTE).delete({ documentId: noteId });
    },

    async readings(ownerId: number, vehicleId: string, query: PageQuery): Promise<Page<Reading>> {
      const vehicle = await findOwnedVehicle(strapi, ownerId, vehicleId);
      return page(READING, vehicle.id, query, toReading);
    },

    toReading,
  };
};
