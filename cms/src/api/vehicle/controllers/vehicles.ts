import type { Core } from '@strapi/strapi';
import { getService } from '../../../platform/services';
import type { Context } from 'koa';
import { z } from 'zod';
import { pageQuery } from '../../../platform/pagination';
import { parseOrThrow } from '../../../platform/validation';
import type { UploadedFile } from '../services/garage-photos';
import { newVehicleInput, noteInput, odometerInput, vehicleChangeInput } from '../vehicle-input';

const localeQuery = z.object({ locale: z.string().trim().min(2).max(10).default('en') });
const listQuery = pageQuery.merge(localeQuery);

const ownerOf = (ctx: Context) => (ctx.state.user as { id: number }).id;
const dataOf = (ctx: Context) => (ctx.request as { body?: { data?: unknown } }).body?.data ?? {};

/** The owner's garage: vehicles, their notes and odometer readings. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const garage = () => getService(strapi, 'garage');
  const records = () => getService(strapi, 'garageRecords');

  const photos = () => getService(strapi, 'garagePhotos');

  return {
    async list(ctx: Context) {
      const { locale, ...page } = parseOrThrow(listQuery, ctx.query);
      ctx.body = await garage().list(ownerOf(ctx), page, locale);
    },

    async create(ctx: Context) {
      const { locale } = parseOrThrow(localeQuery, ctx.query);
      const input = parseOrThrow(newVehicleInput, dataOf(ctx));
      ctx.status = 201;
      ctx.body = { data: await garage().create(ownerOf(ctx), input, locale) };
    },

    async findOne(ctx: Context) {
      const { locale } = parseOrThrow(localeQuery, ctx.query);
      ctx.body = { data: await garage().findOne(ownerOf(ctx), ctx.params.id, locale) };
    },

    async update(ctx: Context) {
      const { locale } = parseOrThrow(localeQuery, ctx.query);
      const change = parseOrThrow(vehicleChangeInput, dataOf(ctx));
      ctx.body = { data: await garage().update(ownerOf(ctx), ctx.params.id, change, locale) };
    },

    async delete(ctx: Context) {
      await garage().delete(ownerOf(ctx), ctx.params.id);
      ctx.status = 204;
    },

    async listNotes(ctx: Context) {
      const page = parseOrThrow(pageQuery, ctx.query);
      ctx.body = await records().notes(ownerOf(ctx), ctx.params.id, page);
    },

    async createNote(ctx: Context) {
      const { body } = parseOrThrow(noteInput, dataOf(ctx));
      ctx.status = 201;
      ctx.body = { data: await records().addNote(ownerOf(ctx), ctx.params.id, body) };
    },

    async updateNote(ctx: Context) {
      const { body } = parseOrThrow(noteInput, dataOf(ctx));
      ctx.body = { data: await records().updateNote(ownerOf(ctx), ctx.params.id, body) };
    },

    async deleteNote(ctx: Context) {
      await records().deleteNote(ownerOf(ctx), ctx.params.id);
      ctx.status = 204;
    },

    async listOdometer(ctx: Context) {
      const page = parseOrThrow(pageQuery, ctx.query);
      ctx.body = await records().readings(ownerOf(ctx), ctx.params.id, page);
    },

    async addOdometer(ctx: Context) {
      const input = parseOrThrow(odometerInput, dataOf(ctx));
      const reading = await garage().addOdometerReading(ownerOf(ctx), ctx.params.id, input);
      ctx.status = 201;
      ctx.body = { data: records().toReading(reading as never) };
    },

    async addPhotos(ctx: Context) {
      const { locale } = parseOrThrow(localeQuery, ctx.query);
      const files = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[]> })
        .files;
      const chosen = files?.files;
      await photos().add(ownerOf(ctx), ctx.params.id, chosen ? [chosen].flat() : []);
      ctx.status = 201;
      ctx.body = { data: await garage().findOne(ownerOf(ctx), ctx.params.id, locale) };
    },

    async deletePhoto(ctx: Context) {
      const photoId = parseOrThrow(z.coerce.number().int().positive(), ctx.params.photoId);
      await photos().remove(ownerOf(ctx), ctx.params.id, photoId);
      ctx.status = 204;
    },
  };
};
