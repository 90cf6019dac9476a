import type { Domain } from '../../lib/domain';
import { registerCalendarSource } from '../calendar/sources';
import { onDomainEvent } from '../../lib/domain-events';
import { reminderCalendarSource } from './calendar-source';
import { ensureReminderIndexes } from './indexes';
import { REMINDER_OWNER_ACTIONS } from './permissions';
import { registerReminderSource } from './reminder-source';
import { getReminderService } from './services';

/** What is due for an owner's vehicles and documents, and when; due notices for the engine. */
export const reminderDomain: Domain = {
  name: 'reminder',
  register(strapi) {
    registerCalendarSource(strapi, reminderCalendarSource(strapi));
    const events = () => getReminderService(strapi, 'reminder-events');
    onDomainEvent(strapi, 'service-record.completed', (event) => events().serviceCompleted(event));
    onDomainEvent(strapi, 'document.saved', (event) => events().documentSaved(event));
    onDomainEvent(strapi, 'document.deleted', (event) => events().documentDeleted(event));
    onDomainEvent(strapi, 'vehicle.deleted', (event) => events().vehicleDeleted(event));
  },
  async bootstrap(strapi) {
    await ensureReminderIndexes(strapi);
    registerReminderSource(strapi);
  },
  permissions: { owner: REMINDER_OWNER_ACTIONS },
};
