import type { Core } from '@strapi/strapi';
import { NotFound } from '../../../lib/errors';
import type { Page, PageQuery } from '../../../lib/pagination';
import { findOwnedVehicle, NOTE_UID } from '../owned-vehicles';
import { createRecordPages } from '../record-pages';

interface NoteRow {
  id: number;
  documentId: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface Note {
  id: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

const toNote = (row: NoteRow): Note => ({
  id: row.documentId,
  body: row.body,
  createdAt: new Date(row.createdAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});

/** The owner's notes on their vehicles; someone else's note or vehicle answers 404. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const pages = createRecordPages(strapi);

  async function ownedNote(ownerId: number, documentId: string): Promise<NoteRow> {
    const note = (await strapi.db.query(NOTE_UID).findOne({
      where: { documentId, vehicle: { ownerId } },
    })) as NoteRow | null;
    if (!note) throw new NotFound('Note not found');
    return note;
  }

  return {
    async list(ownerId: number, vehicleId: string, query: PageQuery): Promise<Page<Note>> {
      const vehicle = await findOwnedVehicle(strapi, ownerId, vehicleId);
      return pages.page(NOTE_UID, vehicle.id, query, toNote);
    },

    async add(ownerId: number, vehicleId: string, body: string): Promise<Note> {
      await findOwnedVehicle(strapi, ownerId, vehicleId);
      const created = await strapi
        .documents(NOTE_UID)
        .create({ data: { body, vehicle: vehicleId } });
      return toNote(created as unknown as NoteRow);
    },

    async update(ownerId: number, noteId: string, body: string): Promise<Note> {
      await ownedNote(ownerId, noteId);
      const updated = await strapi
        .documents(NOTE_UID)
        .update({ documentId: noteId, data: { body } });
      return toNote(updated as unknown as NoteRow);
    },

    async remove(ownerId: number, noteId: string): Promise<void> {
      await ownedNote(ownerId, noteId);
      await strapi.documents(NOTE_UID).delete({ documentId: noteId });
    },
  };
};
