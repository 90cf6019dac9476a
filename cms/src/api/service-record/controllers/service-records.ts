import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseLocaleQuery } from '../../../lib/locales';
import { parseData } from '../../../lib/validation';
import { fingerprint, parseIdempotencyKey } from '../idempotency';
import { completionInput, newServiceRecordInput, serviceRecordChangeInput } from '../record-input';
import { withCenters } from '../centers';
import type { ServiceRecord } from '../owned-records';
import { getServiceRecordService } from '../services';
import { recordListQuery } from '../services/records';

const ownerOf = (ctx: Context) => (ctx.state.user as { id: number }).id;
const bodyOf = (ctx: Context) => (ctx.request as { body?: unknown }).body;

/**
 * The owner's service records. Every route takes `locale` (kind names) and refuses query
 * parameters it does not know; writes take `{ data: { … } }` and refuse unknown fields.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = <Name extends 'records' | 'creation' | 'completion' | 'spending'>(name: Name) =>
    getServiceRecordService(strapi, name);
  const query = (ctx: Context) => parseLocaleQuery(strapi, ctx.query);
  // Records answer with their center's slug and name in the asked language.
  const one = async (record: ServiceRecord, locale: string) =>
    (await withCenters(strapi, [record], locale))[0];

  return {
    async list(ctx: Context) {
      const { locale, ...filters } = await parseLocaleQuery(strapi, ctx.query, recordListQuery);
      const page = await service('records').list(ownerOf(ctx), filters, locale);
      ctx.body = { ...page, data: await withCenters(strapi, page.data, locale) };
    },

    /** 201 with the new record; with an `Idempotency-Key` seen before, 200 with the first. */
    async create(ctx: Context) {
      const { locale } = await query(ctx);
      const key = parseIdempotencyKey(ctx.request.headers['idempotency-key']);
      const input = parseData(newServiceRecordInput, bodyOf(ctx));
      const claim = key ? { key, bodyHash: fingerprint(input) } : undefined;
      const { record, replayed } = await service('creation').create(
        ownerOf(ctx),
        input,
        locale,
        claim,
      );
      ctx.status = replayed ? 200 : 201;
      ctx.body = { data: await one(record, locale) };
    },

    async findOne(ctx: Context) {
      const { locale } = await query(ctx);
      const record = await service('records').findOne(ownerOf(ctx), ctx.params.id, locale);
      ctx.body = { data: await one(record, locale) };
    },

    async update(ctx: Context) {
      const { locale } = await query(ctx);
      const change = parseData(serviceRecordChangeInput, bodyOf(ctx));
      const record = await service('records').update(ownerOf(ctx), ctx.params.id, change, locale);
      ctx.body = { data: await one(record, locale) };
    },

    async delete(ctx: Context) {
      await query(ctx);
      await service('records').remove(ownerOf(ctx), ctx.params.id);
      ctx.status = 204;
    },

    async complete(ctx: Context) {
      const { locale } = await query(ctx);
      const input = parseData(completionInput, bodyOf(ctx));
      const record = await service('completion').complete(
        ownerOf(ctx),
        ctx.params.id,
        input,
        locale,
      );
      ctx.body = { data: await one(record, locale) };
    },

    async cancel(ctx: Context) {
      const { locale } = await query(ctx);
      const record = await service('completion').cancel(ownerOf(ctx), ctx.params.id, locale);
      ctx.body = { data: await one(record, locale) };
    },

    async spending(ctx: Context) {
      const { locale } = await query(ctx);
      ctx.body = { data: await service('spending').ofVehicle(ownerOf(ctx), ctx.params.id, locale) };
    },
  };
};
