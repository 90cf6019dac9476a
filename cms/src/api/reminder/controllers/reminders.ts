import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseLocaleQuery } from '../../../lib/locales';
import { pageQuery } from '../../../lib/pagination';
import { parseData } from '../../../lib/validation';
import {
  completeInput,
  fromTemplatesInput,
  newReminderInput,
  reminderChangeInput,
  reminderListQuery,
  snoozeInput,
  templateQuery,
} from '../reminder-input';
import { getReminderService } from '../services';

const ownerOf = (ctx: Context) => (ctx.state.user as { id: number }).id;
const bodyOf = (ctx: Context) => (ctx.request as { body?: unknown }).body;

/** The list's query: paging and the list's filters. */
const listQuery = { ...pageQuery.shape, ...reminderListQuery };

/** No body at all (or `{}`): a route whose every field is optional was called bare. */
const isBare = (body: unknown) =>
  body === undefined ||
  body === null ||
  (typeof body === 'object' && Object.keys(body as object).length === 0);

/**
 * An owner's reminders. Every route takes `locale` (names of kinds and templates) and
 * refuses query parameters it does not know; writes take `{ data: { … } }` and refuse
 * fields they do not know.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reminders = () => getReminderService(strapi, 'reminders');
  const templates = () => getReminderService(strapi, 'reminder-templates');
  const query = (ctx: Context) => parseLocaleQuery(strapi, ctx.query);

  return {
    async list(ctx: Context) {
      const { locale, ...filters } = await parseLocaleQuery(strapi, ctx.query, listQuery);
      ctx.body = await reminders().list(ownerOf(ctx), filters, locale);
    },

    async create(ctx: Context) {
      const { locale } = await query(ctx);
      const input = parseData(newReminderInput, bodyOf(ctx));
      ctx.status = 201;
      ctx.body = { data: await reminders().create(ownerOf(ctx), input, locale) };
    },

    async findOne(ctx: Context) {
      const { locale } = await query(ctx);
      ctx.body = { data: await reminders().findOne(ownerOf(ctx), ctx.params.id, locale) };
    },

    async update(ctx: Context) {
      const { locale } = await query(ctx);
      const change = parseData(reminderChangeInput, bodyOf(ctx));
      ctx.body = { data: await reminders().update(ownerOf(ctx), ctx.params.id, change, locale) };
    },

    async delete(ctx: Context) {
      await query(ctx);
      await reminders().remove(ownerOf(ctx), ctx.params.id);
      ctx.status = 204;
    },

    async snooze(ctx: Context) {
      const { locale } = await query(ctx);
      const { until } = parseData(snoozeInput, bodyOf(ctx));
      ctx.body = { data: await reminders().snooze(ownerOf(ctx), ctx.params.id, until, locale) };
    },

    async dismiss(ctx: Context) {
      const { locale } = await query(ctx);
      ctx.body = { data: await reminders().dismiss(ownerOf(ctx), ctx.params.id, locale) };
    },

    async complete(ctx: Context) {
      const { locale } = await query(ctx);
      const body = bodyOf(ctx);
      const input = isBare(body) ? {} : parseData(completeInput, body);
      ctx.body = { data: await reminders().complete(ownerOf(ctx), ctx.params.id, input, locale) };
    },

    async templates(ctx: Context) {
      const { locale, vehicle } = await parseLocaleQuery(strapi, ctx.query, templateQuery);
      ctx.body = { data: await templates().list(ownerOf(ctx), vehicle, locale) };
    },

    async createFromTemplates(ctx: Context) {
      const { locale } = await query(ctx);
      const { templates: codes } = parseData(fromTemplatesInput, bodyOf(ctx));
      ctx.status = 201;
      ctx.body = { data: await templates().create(ownerOf(ctx), ctx.params.id, codes, locale) };
    },
  };
};
