import type { Channel, DeliveryStatus } from './constants';

/** One notice a source says is due: the contract with the reminders domain. */
export interface DueNotice {
  /** Unique per (reminder, occurrence): the same notice always has the same key. */
  key: string;
  ownerId: number;
  /** ISO time the notice became due (the lag metric measures from here). */
  dueAt: string;
  recipient: {
    email: string | null;
    phone: string | null;
    locale: 'en' | 'ne';
    channels: { email: boolean; sms: boolean };
    /**
     * The owner's quiet hours for SMS (Nepal time, "HH:MM"), `null` for none. Optional: when
     * absent, the configured `quietHours` apply.
     */
    quietHours?: { start: string; end: string } | null;
  };
  message: {
    email: { subject: string; text: string; html: string };
    sms: { text: string };
  };
}

/** A producer of due notices (registered through the `sources` service). */
export interface NoticeSource {
  name: string;
  /** Up to `limit` notices due at `now` and not handed over yet. */
  due(now: Date, limit: number): Promise<DueNotice[]>;
  /** These notices have their delivery rows: do not offer them again. */
  handedOver(keys: string[], now: Date): Promise<void>;
}

export interface Delivery {
  id: number;
  deliveryKey: string;
  noticeKey: string;
  source: string;
  ownerId: number;
  channel: Channel;
  recipient: string;
  locale: string;
  subject: string | null;
  body: string;
  html: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  leaseUntil: string | null;
  sendStartedAt: string | null;
  providerMessageId: string | null;
  lastError: string | null;
  segments: number | null;
  /** The recipient's quiet hours (`HH:MM-HH:MM`, `none`), or null for the configured ones. */
  quietHours: string | null;
  dueAt: string;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}
