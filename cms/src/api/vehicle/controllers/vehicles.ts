import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { parseLocaleQuery } from '../../../lib/locales';
import { pageQuery } from '../../../lib/pagination';
import { parseData, parseOrThrow, validationError } from '../../../lib/validation';
import type { UploadedFile } from '../services/photos';
import { newVehicleInput, noteInput, odometerInput, vehicleChangeInput } from '../vehicle-input';
import { getVehicleService } from '../services';

const ownerOf = (ctx: Context) => (ctx.state.user as { id: number }).id;
const bodyOf = (ctx: Context) => (ctx.request as { body?: unknown }).body;

/** Sends JSON text that is already serialised (a cache's stored text) as the response body. */
function sendJson(ctx: Context, json: string) {
  ctx.type = 'application/json';
  ctx.body = json;
}

/** The multipart parts a photo upload may carry: the files, nothing else. */
const PHOTO_PARTS = ['files'];

/** Refuses every multipart part or field of a photo upload other than `files`, naming it. */
function assertOnlyPhotoParts(ctx: Context): void {
  const request = ctx.request as { body?: unknown; files?: Record<string, unknown> };
  const fields = request.body && typeof request.body === 'object' ? Object.keys(request.body) : [];
  const unexpected = [...Object.keys(request.files ?? {}), ...fields].filter(
    (name) => !PHOTO_PARTS.includes(name),
  );
  if (unexpected.length > 0) {
    throw validationError(
      unexpected.map((name) => ({ path: [name], message: 'is not a part of a photo upload' })),
    );
  }
}

/**
 * The owner's garage: vehicles, their notes and odometer readings. Every route takes
 * `locale` (the portal sends it on all of them) and refuses query parameters it does not
 * know; writes take `{ data: { … } }` and refuse fields they do not know.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const vehicles = () => getVehicleService(strapi, 'vehicles');
  const notes = () => getVehicleService(strapi, 'notes');
  const odometer = () => getVehicleService(strapi, 'odometer');
  const photos = () => getVehicleService(strapi, 'photos');
  const query = (ctx: Context) => parseLocaleQuery(strapi, ctx.query);
  const pagedQuery = (ctx: Context) => parseLocaleQuery(strapi, ctx.query, pageQuery.shape);

  return {
    async list(ctx: Context) {
      const { locale, ...page } = await pagedQuery(ctx);
      // The page's JSON text as the cache holds it, sent as it is (no parse, no serialisation).
      sendJson(ctx, await vehicles().listJson(ownerOf(ctx), page, locale));
    },

    async create(ctx: Context) {
      const { locale } = await query(ctx);
      const input = parseData(newVehicleInput, bodyOf(ctx));
      ctx.status = 201;
      ctx.body = { data: await vehicles().create(ownerOf(ctx), input, locale) };
    },

    async findOne(ctx: Context) {
      const { locale } = await query(ctx);
      const vehicle = await vehicles().findOneJson(ownerOf(ctx), ctx.params.id, locale);
      sendJson(ctx, `{"data":${vehicle}}`);
    },

    async update(ctx: Context) {
      const { locale } = await query(ctx);
      const change = parseData(vehicleChangeInput, bodyOf(ctx));
      ctx.body = { data: await vehicles().update(ownerOf(ctx), ctx.params.id, change, locale) };
    },

    async delete(ctx: Context) {
      await query(ctx);
      await vehicles().delete(ownerOf(ctx), ctx.params.id);
      ctx.status = 204;
    },

    async listNotes(ctx: Context) {
      const { locale: _locale, ...page } = await pagedQuery(ctx);
      ctx.body = await notes().list(ownerOf(ctx), ctx.params.id, page);
    },

    async createNote(ctx: Context) {
      await query(ctx);
      const { body } = parseData(noteInput, bodyOf(ctx));
      ctx.status = 201;
      ctx.body = { data: await notes().add(ownerOf(ctx), ctx.params.id, body) };
    },

    async updateNote(ctx: Context) {
      await query(ctx);
      const { body } = parseData(noteInput, bodyOf(ctx));
      ctx.body = { data: await notes().update(ownerOf(ctx), ctx.params.id, body) };
    },

    async deleteNote(ctx: Context) {
      await query(ctx);
      await notes().remove(ownerOf(ctx), ctx.params.id);
      ctx.status = 204;
    },

    async listOdometer(ctx: Context) {
      const { locale: _locale, ...page } = await pagedQuery(ctx);
      ctx.body = await odometer().readings(ownerOf(ctx), ctx.params.id, page);
    },

    async addOdometer(ctx: Context) {
      await query(ctx);
      const input = parseData(odometerInput, bodyOf(ctx));
      ctx.status = 201;
      ctx.body = { data: await odometer().addReading(ownerOf(ctx), ctx.params.id, input) };
    },

    async addPhotos(ctx: Context) {
      const { locale } = await query(ctx);
      assertOnlyPhotoParts(ctx);
      const files = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[]> })
        .files;
      const chosen = files?.files;
      await photos().add(ownerOf(ctx), ctx.params.id, chosen ? [chosen].flat() : []);
      ctx.status = 201;
      ctx.body = { data: await vehicles().findOne(ownerOf(ctx), ctx.params.id, locale) };
    },

    async deletePhoto(ctx: Context) {
      await query(ctx);
      const photoId = parseOrThrow(z.string().min(1).max(40), ctx.params.photoId);
      await photos().remove(ownerOf(ctx), ctx.params.id, photoId);
      ctx.status = 204;
    },
  };
};
