import { smsSize } from '@motorghar/reminders';
import type { MessageLocale } from '../../reminder/messages/reminder-message';

/** At most this many segments per recall SMS, as reminders. */
export const RECALL_SMS_MAX_SEGMENTS = 2;

const fitsSegments = (text: string, maxSegments: number) => smsSize(text).segments <= maxSegments;

export interface RecallMessageInput {
  locale: MessageLocale;
  /** The recall's texts in the message's language (else English). */
  title: string;
  summary: string | null;
  remedy: string | null;
  campaignId: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  /** The vehicle as the owner knows it, e.g. "Rato Pulsar (BA 2 PA 1234)". */
  vehicle: string;
  portalUrl: string;
}

export interface RecallMessage {
  email: { subject: string; text: string; html: string };
  sms: { text: string };
}

const SEVERITY = {
  en: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
  ne: { low: 'कम', medium: 'मध्यम', high: 'उच्च', critical: 'अति गम्भीर' },
} as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const shorten = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;

/** The email and the SMS (within two segments) telling an owner a recall may cover a vehicle. */
export function recallMessage(input: RecallMessageInput): RecallMessage {
  const ne = input.locale === 'ne';
  const link = `${input.portalUrl.replace(/\/+$/, '')}/${input.locale}/recalls`;
  const severity = SEVERITY[input.locale][input.severity];
  const subject = ne
    ? `रिकल सूचना: ${input.vehicle} — ${input.title}`
    : `Recall notice: ${input.title} (${input.vehicle})`;
  const lines = ne
    ? [
        'नमस्ते,',
        '',
        'तपाईंको सवारी यो रिकलभित्र पर्न सक्छ:',
        `सवारी: ${input.vehicle}`,
        `रिकल: ${input.title} (${input.campaignId})`,
        `गम्भीरता: ${severity}`,
        ...(input.summary ? [`विवरण: ${input.summary}`] : []),
        ...(input.remedy ? [`समाधान: ${input.remedy}`] : []),
        '',
        `मोटरघरमा हेर्नुहोस्: ${link}`,
        '',
        'मोटरघरमा दर्ता गरिएको सवारीसँग मिल्ने रिकल भएकाले यो सूचना पठाइएको हो।',
      ]
    : [
        'Namaste,',
        '',
        'A recall may cover your vehicle:',
        `Vehicle: ${input.vehicle}`,
        `Recall: ${input.title} (${input.campaignId})`,
        `Severity: ${severity}`,
        ...(input.summary ? [`What: ${input.summary}`] : []),
        ...(input.remedy ? [`Remedy: ${input.remedy}`] : []),
        '',
        `See it in MotorGhar: ${link}`,
        '',
        'You get this notice because this vehicle is in your MotorGhar garage.',
      ];
  const text = lines.join('\n');
  const html = lines
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n')
    .replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`);

  const smsOf = (vehicle: string, title: string) =>
    ne
      ? `मोटरघर रिकल: ${vehicle} — ${title}। ${link}`
      : `MotorGhar recall: ${title} may affect ${vehicle}. ${link}`;
  let sms = smsOf(input.vehicle, input.title);
  // Shortened until it fits: the title first, then the vehicle's name.
  for (
    let max = input.title.length - 5;
    !fitsSegments(sms, RECALL_SMS_MAX_SEGMENTS) && max > 8;
    max -= 5
  ) {
    sms = smsOf(input.vehicle, shorten(input.title, max));
  }
  for (
    let max = input.vehicle.length - 5;
    !fitsSegments(sms, RECALL_SMS_MAX_SEGMENTS) && max > 4;
    max -= 5
  ) {
    sms = smsOf(shorten(input.vehicle, max), shorten(input.title, 8));
  }
  return {
    email: {
      subject,
      text,
      html: `<!doctype html>\n<html lang="${input.locale}"><body>\n${html}\n</body></html>`,
    },
    sms: { text: sms },
  };
}
