import {
  formatBikramSambatNe,
  formatBikramSambatShortNe,
  toNepaliDigits,
} from '../../../lib/dates/bikram-sambat';
import { smsSize } from '@motorghar/reminders';

/** At most this many segments per reminder SMS (a Nepali one: 134 characters). */
export const SMS_MAX_SEGMENTS = 2;

export type MessageLocale = 'en' | 'ne';

export interface MessageVehicle {
  nickname: string | null;
  /** Make and model in the message's language, e.g. "Bajaj Pulsar 150". */
  makeModel: string | null;
  registrationNumber: string | null;
}

export interface ReminderMessageInput {
  locale: MessageLocale;
  /** Null for a reminder of no vehicle (a driving licence). */
  vehicle: MessageVehicle | null;
  /** What is due, in the message's language ("Engine oil change"). */
  what: string;
  dueDate: string | null;
  dueKm: number | null;
  /** The portal's origin, e.g. https://motorghar.com.np. */
  portalUrl: string;
  /** The vehicle's documentId for the link; null links to the garage. */
  vehicleId: string | null;
}

export interface ReminderMessage {
  email: { subject: string; text: string; html: string };
  sms: { text: string; segments: number };
}

const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

const enDate = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return `${date} ${EN_MONTHS[month - 1]} ${year}`;
};
/** 12345 → "12,345" (Intl would cost more than the rest of a message). */
const grouped = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const enKm = (km: number) => `${grouped(km)} km`;
const neKm = (km: number) => `${toNepaliDigits(grouped(km))} कि.मि.`;
/** The BS date with the AD date beside it, as Nepali readers are used to. */
const neDate = (day: string) => {
  const bs = formatBikramSambatNe(day);
  return bs ? `${bs} (${enDate(day)})` : enDate(day);
};

/** The vehicle as the owner knows it: nickname, else make and model; then the plate. */
function vehicleLabel(vehicle: MessageVehicle): string {
  const name = vehicle.nickname ?? vehicle.makeModel;
  if (!name) return vehicle.registrationNumber ?? '';
  return vehicle.registrationNumber ? `${name} (${vehicle.registrationNumber})` : name;
}

function whenText(input: ReminderMessageInput): string {
  const { dueDate, dueKm } = input;
  if (input.locale === 'ne') {
    if (dueDate && dueKm !== null)
      return `${neDate(dueDate)} वा ${neKm(dueKm)} पुगेपछि, जुन पहिले आउँछ`;
    if (dueKm !== null) return `${neKm(dueKm)} पुगेपछि`;
    return dueDate ? neDate(dueDate) : '';
  }
  if (dueDate && dueKm !== null)
    return `on ${enDate(dueDate)} or at ${enKm(dueKm)}, whichever comes first`;
  if (dueKm !== null) return `at ${enKm(dueKm)}`;
  return dueDate ? `on ${enDate(dueDate)}` : '';
}

const linkOf = (input: ReminderMessageInput, withVehicle = true) => {
  const base = `${input.portalUrl.replace(/\/+$/, '')}/${input.locale}/garage`;
  return withVehicle && input.vehicleId ? `${base}/${input.vehicleId}` : base;
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function email(input: ReminderMessageInput): ReminderMessage['email'] {
  const vehicle = input.vehicle ? vehicleLabel(input.vehicle) : null;
  const when = whenText(input);
  const link = linkOf(input);
  const ne = input.locale === 'ne';
  const subject = ne
    ? `सम्झना: ${vehicle ? `${vehicle} — ` : ''}${input.what}`
    : `Reminder: ${input.what}${vehicle ? ` for ${vehicle}` : ''}`;
  const lines = ne
    ? [
        'नमस्ते,',
        '',
        'यो काम गर्ने बेला आयो:',
        ...(vehicle ? [`सवारी: ${vehicle}`] : []),
        `काम: ${input.what}`,
        `कहिले: ${when}`,
        '',
        `विवरण मोटरघरमा हेर्नुहोस्: ${link}`,
        '',
        'प्रोफाइलमा इमेलबाट सम्झना पाउने रोज्नुभएकाले यो इमेल पठाइएको हो।',
      ]
    : [
        'Namaste,',
        '',
        'This is coming due:',
        ...(vehicle ? [`Vehicle: ${vehicle}`] : []),
        `What: ${input.what}`,
        `When: ${when}`,
        '',
        `See it in MotorGhar: ${link}`,
        '',
        'You get this email because email reminders are on in your profile.',
      ];
  const text = lines.join('\n');
  const html = lines
    .map((line) => (line === '' ? '' : `<p>${escapeHtml(line)}</p>`))
    .filter(Boolean)
    .join('\n')
    .replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`);
  return {
    subject,
    text,
    html: `<!doctype html>\n<html lang="${input.locale}"><body>\n${html}\n</body></html>`,
  };
}

interface SmsParts {
  vehicle: string | null;
  what: string;
  when: string;
  link: string | null;
}

function smsText(locale: MessageLocale, parts: SmsParts): string {
  const vehicle = parts.vehicle ? `${parts.vehicle} ` : '';
  const when = parts.when ? (locale === 'ne' ? ` ${parts.when}` : ` due ${parts.when}`) : '';
  const link = parts.link ? ` ${parts.link}` : '';
  return locale === 'ne'
    ? `मोटरघर: ${vehicle}${parts.what}${when}।${link}`
    : `MotorGhar: ${vehicle}${parts.what}${when}.${link}`;
}

const shorten = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;

function smsWhen(input: ReminderMessageInput, withAd: boolean): string {
  const { dueDate, dueKm } = input;
  const ne = input.locale === 'ne';
  const date = dueDate
    ? ne
      ? [formatBikramSambatShortNe(dueDate), withAd ? `(${dueDate})` : null]
          .filter(Boolean)
          .join(' ') || dueDate
      : enDate(dueDate)
    : null;
  const km = dueKm === null ? null : ne ? neKm(dueKm) : enKm(dueKm);
  if (date && km) return ne ? `${date} वा ${km}, जुन पहिले` : `${date} or ${km}, whichever first`;
  return date ?? (km ? (ne ? `${km}मा` : `at ${km}`) : '');
}

/**
 * The SMS, shortened step by step until it fits {@link SMS_MAX_SEGMENTS}: the AD date beside
 * the BS one goes, then the link's vehicle path, then the vehicle's name (the plate stays),
 * then the vehicle and what is due are cut short; the link goes last of all.
 */
function sms(input: ReminderMessageInput): ReminderMessage['sms'] {
  const { locale } = input;
  const full = input.vehicle ? vehicleLabel(input.vehicle) : null;
  const plateOnly = input.vehicle
    ? (input.vehicle.registrationNumber ?? input.vehicle.nickname ?? input.vehicle.makeModel)
    : null;
  const attempts: SmsParts[] = [
    { vehicle: full, what: input.what, when: smsWhen(input, true), link: linkOf(input) },
    { vehicle: full, what: input.what, when: smsWhen(input, false), link: linkOf(input) },
    { vehicle: full, what: input.what, when: smsWhen(input, false), link: linkOf(input, false) },
    {
      vehicle: plateOnly,
      what: input.what,
      when: smsWhen(input, false),
      link: linkOf(input, false),
    },
  ];
  for (const parts of attempts) {
    const text = smsText(locale, parts);
    if (smsSize(text).segments <= SMS_MAX_SEGMENTS)
      return { text, segments: smsSize(text).segments };
  }
  const last = attempts[attempts.length - 1];
  for (const keep of [24, 16, 10]) {
    const parts = {
      ...last,
      vehicle: last.vehicle ? shorten(last.vehicle, keep) : null,
      what: shorten(last.what, keep + 8),
    };
    const text = smsText(locale, parts);
    if (smsSize(text).segments <= SMS_MAX_SEGMENTS)
      return { text, segments: smsSize(text).segments };
  }
  const bare = smsText(locale, {
    ...last,
    link: null,
    vehicle: last.vehicle ? shorten(last.vehicle, 10) : null,
  });
  const limit = smsSize(bare).encoding === 'UCS-2' ? 67 * SMS_MAX_SEGMENTS : 153 * SMS_MAX_SEGMENTS;
  const text = shorten(bare, limit);
  return { text, segments: smsSize(text).segments };
}

/** The email and SMS of one reminder occurrence, in the owner's language. */
export function reminderMessage(input: ReminderMessageInput): ReminderMessage {
  return { email: email(input), sms: sms(input) };
}
