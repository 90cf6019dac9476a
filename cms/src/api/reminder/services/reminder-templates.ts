import type { Core } from '@strapi/strapi';
import { InvalidField } from '../../../lib/errors';
import { serviceGetter } from '../../../lib/services';
import { catalogModelOrNull } from '../../vehicle/catalog-model';
import { findOwnedVehicle } from '../../vehicle/owned-vehicles';
import { addMonths, nepalToday } from '../rules/calendar';
import { templatesFor, type ReminderTemplate } from '../rules/templates';
import { OPEN_STATUSES, REMINDER_UID, type ReminderRow } from '../reminder-rows';
import type reminderViews from './reminder-views';
import type { ReminderView } from './reminder-views';
import type reminders from './reminders';

const sibling = serviceGetter<{
  reminders: typeof reminders;
  'reminder-views': typeof reminderViews;
}>('reminder');

/** The `source` of reminders created from a template. */
export const TEMPLATE_SOURCE = 'template';

export interface TemplateView {
  code: string;
  kind: string;
  name: string;
  everyKm: number | null;
  everyMonths: number | null;
  /** Where the first occurrence would fall if created now. */
  firstDue: { date: string | null; km: number | null };
  /** The vehicle already has an open reminder of this kind. */
  exists: boolean;
}

/** The reminder templates of a vehicle's type, and reminders made from them. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function vehicleTemplates(ownerId: number, vehicleId: string) {
    const vehicle = await findOwnedVehicle(strapi, ownerId, vehicleId);
    const model = await catalogModelOrNull(strapi, vehicle.modelId, 'en');
    const templates = templatesFor(model?.vehicleType ?? 'car', model?.isEv ?? false);
    const open = (await strapi.db.query(REMINDER_UID).findMany({
      where: { ownerId, vehicleId, status: { $in: OPEN_STATUSES } },
      select: ['kind'],
    })) as Array<Pick<ReminderRow, 'kind'>>;
    const odometerKm = vehicle.odometerKm ?? null;
    return { templates, openKinds: new Set(open.map((row) => row.kind)), odometerKm };
  }

  const firstDue = (template: ReminderTemplate, odometerKm: number | null, today: string) => ({
    date: template.everyMonths === null ? null : addMonths(today, template.everyMonths),
    km: template.everyKm === null ? null : (odometerKm ?? 0) + template.everyKm,
  });

  return {
    /** The templates for an owner's vehicle (404 unless theirs), in the asked language. */
    async list(ownerId: number, vehicleId: string, locale: string): Promise<TemplateView[]> {
      const { templates, openKinds, odometerKm } = await vehicleTemplates(ownerId, vehicleId);
      const today = nepalToday(new Date());
      return templates.map((template) => ({
        code: template.code,
        kind: template.kind,
        name: locale === 'ne' ? template.name.ne : template.name.en,
        everyKm: template.everyKm,
        everyMonths: template.everyMonths,
        firstDue: firstDue(template, odometerKm, today),
        exists: openKinds.has(template.kind),
      }));
    },

    /**
     * Creates a reminder from each named template, counted from today and the vehicle's
     * odometer. A template whose kind already has an open reminder on the vehicle is skipped,
     * so asking twice creates nothing twice. An unknown code is a 400 naming it.
     */
    async create(
      ownerId: number,
      vehicleId: string,
      codes: string[],
      locale: string,
    ): Promise<ReminderView[]> {
      const { templates, openKinds, odometerKm } = await vehicleTemplates(ownerId, vehicleId);
      const chosen = codes.map((code, index) => {
        const template = templates.find((candidate) => candidate.code === code);
        if (!template) {
          throw new InvalidField(
            ['templates', String(index)],
            `is not a template for this vehicle (${templates.map((item) => item.code).join(', ')})`,
          );
        }
        return template;
      });
      const today = nepalToday(new Date());
      const created: ReminderRow[] = [];
      await strapi.db.transaction(async () => {
        for (const template of chosen) {
          if (openKinds.has(template.kind)) continue;
          openKinds.add(template.kind);
          const due = firstDue(template, odometerKm, today);
          created.push(
            await sibling(strapi, 'reminders').insert(
              ownerId,
              vehicleId,
              {
                kind: template.kind,
                // No title: the kind's name then follows the owner's language.
                title: null,
                dueDate: due.date,
                dueKm: due.km,
                everyMonths: template.everyMonths,
                everyKm: template.everyKm,
                schedule: 'from-completion',
              },
              TEMPLATE_SOURCE,
            ),
          );
        }
      });
      return sibling(strapi, 'reminder-views').present(created, locale);
    },
  };
};
