import type { Core } from '@strapi/strapi';
import { InvalidField, NotFound } from '../../../lib/errors';
import { assertLocale } from '../../../lib/locales';
import type { ProfileInput } from '../profile-input';
import { DEFAULT_QUIET_HOURS, parseStoredQuietHours, type QuietHours } from '../quiet-hours';

const USER_UID = 'plugin::users-permissions.user';

interface OwnerRecord {
  id: number;
  email: string;
  username: string;
  displayName?: string | null;
  phone?: string | null;
  preferredLocale?: string | null;
  notifyByEmail?: boolean | null;
  notifyBySms?: boolean | null;
  /** `HH:MM-HH:MM`, `none`, or null for the default. */
  quietHours?: string | null;
  createdAt: string;
}

export interface Profile {
  email: string;
  username: string;
  displayName: string | null;
  phone: string | null;
  preferredLocale: string;
  notificationChannels: { email: boolean; sms: boolean };
  /** No SMS between these (Nepal time); null for none. */
  quietHours: QuietHours | null;
  createdAt: string;
}

/** What the owner sees: their window, none, or the default one. */
function ownQuietHours(value: string | null | undefined): QuietHours | null {
  const parsed = parseStoredQuietHours(value);
  return parsed === undefined ? DEFAULT_QUIET_HOURS : parsed;
}

const storedQuietHours = (value: QuietHours | null) =>
  value === null ? 'none' : `${value.start}-${value.end}`;

function toProfile(owner: OwnerRecord): Profile {
  return {
    email: owner.email,
    username: owner.username,
    displayName: owner.displayName ?? null,
    phone: owner.phone ?? null,
    preferredLocale: owner.preferredLocale ?? 'en',
    notificationChannels: { email: owner.notifyByEmail ?? true, sms: owner.notifyBySms ?? false },
    quietHours: ownQuietHours(owner.quietHours),
    createdAt: owner.createdAt,
  };
}

/** An owner's own profile: who they are, their language and how to reach them. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const owners = () => strapi.db.query(USER_UID);

  const load = async (ownerId: number): Promise<OwnerRecord> => {
    const owner = (await owners().findOne({ where: { id: ownerId } })) as OwnerRecord | null;
    if (!owner) throw new NotFound('Profile not found');
    return owner;
  };

  return {
    /** Throws a 400 on `preferredLocale` unless it is one of the platform's locales. */
    assertLocale: (code: string) => assertLocale(strapi, code, 'preferredLocale'),

    async find(ownerId: number): Promise<Profile> {
      return toProfile(await load(ownerId));
    },

    async update(ownerId: number, input: ProfileInput): Promise<Profile> {
      const owner = await load(ownerId);
      if (input.preferredLocale !== undefined)
        await assertLocale(strapi, input.preferredLocale, 'preferredLocale');
      const phone = input.phone === undefined ? owner.phone : input.phone;
      const notifyBySms = input.notificationChannels?.sms ?? owner.notifyBySms ?? false;
      if (notifyBySms && !phone) {
        throw new InvalidField(['notificationChannels', 'sms'], 'needs a phone number');
      }
      const updated = (await owners().update({
        where: { id: ownerId },
        data: {
          displayName: input.displayName,
          phone: input.phone,
          preferredLocale: input.preferredLocale,
          notifyByEmail: input.notificationChannels?.email,
          notifyBySms: input.notificationChannels?.sms,
          quietHours:
            input.quietHours === undefined ? undefined : storedQuietHours(input.quietHours),
        },
      })) as OwnerRecord;
      return toProfile(updated);
    },
  };
};
