import type { Core } from '@strapi/strapi';
import { parseStoredQuietHours } from '../profile/quiet-hours';
import type { MessageLocale } from './messages/reminder-message';

/** What a notice needs of its owner: the `up_users` columns read for it. */
export interface OwnerRow {
  id: number;
  email: string | null;
  phone: string | null;
  preferred_locale: string | null;
  notify_by_email: boolean | number | null;
  notify_by_sms: boolean | number | null;
  quiet_hours: string | null;
  blocked: boolean | number | null;
}

export interface NoticeRecipient {
  email: string | null;
  phone: string | null;
  locale: MessageLocale;
  channels: { email: boolean; sms: boolean };
  /**
   * The owner's own quiet hours (Nepal time), `null` for none; absent when they never
   * chose, so the engine applies its configured window (REMINDERS_QUIET_HOURS).
   */
  quietHours?: { start: string; end: string } | null;
}

const OWNER_COLUMNS = [
  'id',
  'email',
  'phone',
  'preferred_locale',
  'notify_by_email',
  'notify_by_sms',
  'quiet_hours',
  'blocked',
];

/** The owners of `ids`, in one query. */
export async function loadOwners(strapi: Core.Strapi, ids: number[]): Promise<OwnerRow[]> {
  if (ids.length === 0) return [];
  return strapi.db.connection('up_users').whereIn('id', ids).select(OWNER_COLUMNS) as Promise<
    OwnerRow[]
  >;
}

/** The language an owner reads notices in. */
export const ownerLocale = (owner: OwnerRow): MessageLocale =>
  owner.preferred_locale === 'ne' ? 'ne' : 'en';

/** Nobody to tell: the owner is gone or blocked. */
export const unreachable = (owner: OwnerRow | undefined): owner is undefined =>
  !owner || Boolean(owner.blocked);

/**
 * The recipient of a notice to `owner`: their address, phone, language, the channels they
 * chose (email on unless turned off, SMS off unless turned on; each only with an address)
 * and their quiet hours. Shared by every source of the delivery engine (reminders, recalls).
 */
export function recipientOf(owner: OwnerRow): NoticeRecipient {
  const quietHours = parseStoredQuietHours(owner.quiet_hours);
  return {
    email: owner.email ?? null,
    phone: owner.phone ?? null,
    locale: ownerLocale(owner),
    channels: {
      email: Boolean(owner.notify_by_email ?? true) && !!owner.email,
      sms: Boolean(owner.notify_by_sms ?? false) && !!owner.phone,
    },
    ...(quietHours === undefined ? {} : { quietHours }),
  };
}
