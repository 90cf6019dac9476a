import type { Core } from '@strapi/strapi';
import type { RemindersConfig } from './config';
import { TABLE, type Channel } from './constants';
import { MAX_SMS_SEGMENTS, smsSize } from './segments';
import { quietHoursOf, smsSendableAt, storedQuietHours } from './time';
import type { DueNotice } from './types';

/** A row just written: what the dispatcher needs to queue it. */
export interface WrittenDelivery {
  id: number;
  channel: Channel;
  nextAttemptAt: Date;
}

/** 98XXXXXXXX / 97XXXXXXXX from what owners type (+977, spaces, dashes); null otherwise. */
export function nepalMobile(phone: string | null): string | null {
  if (!phone) return null;
  let digits = phone.replace(/[\s()-]/g, '').replace(/^\+/, '');
  if (digits.startsWith('977') && digits.length === 13) digits = digits.slice(3);
  return /^9[78]\d{8}$/.test(digits) ? digits : null;
}

/**
 * The delivery rows of these notices: one per (notice key, channel) the owner chose and has
 * an address for. `delivery_key` is UNIQUE and the insert ignores conflicts, so writing the
 * same notice twice (two ticks racing, a tick re-run after a crash) leaves one row. The rows
 * store the rendered text: what was sent is on record.
 */
export function deliveryRows(
  notices: DueNotice[],
  source: string,
  config: RemindersConfig,
  now: Date,
): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const notice of notices) {
    const base = {
      notice_key: notice.key,
      source,
      owner_id: notice.ownerId,
      locale: notice.recipient.locale,
      status: 'pending',
      attempts: 0,
      due_at: new Date(notice.dueAt),
      created_at: now,
      updated_at: now,
    };
    const { channels } = notice.recipient;
    if (channels.email && notice.recipient.email) {
      rows.push({
        ...base,
        delivery_key: `${notice.key}:email`,
        channel: 'email',
        recipient: notice.recipient.email,
        subject: notice.message.email.subject,
        body: notice.message.email.text,
        html: notice.message.email.html,
        next_attempt_at: now,
      });
    }
    if (channels.sms && notice.recipient.phone) {
      const text = notice.message.sms.text;
      const size = smsSize(text);
      // The owner's own quiet hours when the source gives them, the configured ones if not.
      const quiet = storedQuietHours(notice.recipient.quietHours);
      const mobile = nepalMobile(notice.recipient.phone);
      const refusal = !mobile
        ? `not a Nepal mobile number (98XXXXXXXX): ${notice.recipient.phone}`
        : size.segments > MAX_SMS_SEGMENTS
          ? `SMS text takes ${size.segments} segments (${size.encoding}, ${size.units} units); reminders are kept to ${MAX_SMS_SEGMENTS}`
          : null;
      rows.push({
        ...base,
        delivery_key: `${notice.key}:sms`,
        channel: 'sms',
        recipient: mobile ?? notice.recipient.phone,
        subject: null,
        body: text,
        html: null,
        segments: size.segments,
        quiet_hours: quiet,
        next_attempt_at: smsSendableAt(now, quietHoursOf(quiet, config.quietHours)),
        ...(refusal ? { status: 'failed', last_error: refusal } : {}),
      });
    }
  }
  return rows;
}

const INSERT_CHUNK = 1000;

/** Inserts the rows, skipping keys already written; returns the rows this call created. */
export async function writeDeliveries(
  strapi: Core.Strapi,
  rows: Array<Record<string, unknown>>,
): Promise<WrittenDelivery[]> {
  const written: WrittenDelivery[] = [];
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK);
    const inserted = (await strapi.db
      .connection(TABLE)
      .insert(chunk)
      .onConflict('delivery_key')
      .ignore()
      .returning(['id', 'channel', 'next_attempt_at', 'status'])) as Array<Record<string, unknown>>;
    for (const row of inserted) {
      if (row.status !== 'pending') continue;
      written.push({
        id: Number(row.id),
        channel: row.channel as Channel,
        nextAttemptAt: new Date(row.next_attempt_at as string),
      });
    }
  }
  return written;
}
