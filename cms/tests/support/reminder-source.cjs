// A real implementation of the reminders plugin's source contract over a small table, for the
// plugin's own tests and its benchmark (the reminders domain registers the real source).
// Plain CommonJS so child processes and the benchmark can require it without a build.
'use strict';

const TABLE = 'test_reminder_notices';

/** Creates the table (idempotent). */
async function createNoticeTable(knex) {
  await knex.raw(`CREATE TABLE IF NOT EXISTS ${TABLE} (
    key text PRIMARY KEY,
    owner_id integer NOT NULL,
    due_at timestamptz NOT NULL,
    handed_over_at timestamptz,
    email text,
    phone text,
    locale text NOT NULL DEFAULT 'en',
    email_on boolean NOT NULL DEFAULT true,
    sms_on boolean NOT NULL DEFAULT false,
    subject text NOT NULL,
    body text NOT NULL,
    sms_text text NOT NULL
  )`);
  await knex.raw(
    `CREATE INDEX IF NOT EXISTS ${TABLE}_due_idx ON ${TABLE} (due_at) WHERE handed_over_at IS NULL`,
  );
}

/** Inserts notices: [{ key, ownerId, dueAt, email, phone, locale, email_on, sms_on, subject, body, smsText }]. */
async function addNotices(knex, notices) {
  for (let start = 0; start < notices.length; start += 1000) {
    await knex(TABLE).insert(
      notices.slice(start, start + 1000).map((notice) => ({
        key: notice.key,
        owner_id: notice.ownerId,
        due_at: notice.dueAt ?? new Date(Date.now() - 60_000),
        email: notice.email ?? null,
        phone: notice.phone ?? null,
        locale: notice.locale ?? 'en',
        email_on: notice.emailOn ?? true,
        sms_on: notice.smsOn ?? false,
        subject: notice.subject ?? `Reminder ${notice.key}`,
        body: notice.body ?? `Your reminder ${notice.key} is due.`,
        sms_text: notice.smsText ?? `MotorGhar: ${notice.key} is due.`,
      })),
    );
  }
}

/** The source: due notices not handed over yet, oldest first. */
function tableSource(knex, name = 'test') {
  return {
    name,
    async due(now, limit) {
      const rows = await knex(TABLE)
        .whereNull('handed_over_at')
        .andWhere('due_at', '<=', now)
        .orderBy([{ column: 'due_at' }, { column: 'key' }])
        .limit(limit);
      return rows.map((row) => ({
        key: row.key,
        ownerId: row.owner_id,
        dueAt: new Date(row.due_at).toISOString(),
        recipient: {
          email: row.email,
          phone: row.phone,
          locale: row.locale,
          channels: { email: row.email_on, sms: row.sms_on },
        },
        message: {
          email: { subject: row.subject, text: row.body, html: `<p>${row.body}</p>` },
          sms: { text: row.sms_text },
        },
      }));
    },
    async handedOver(keys, now) {
      await knex(TABLE).whereIn('key', keys).update({ handed_over_at: now });
    },
  };
}

module.exports = { TABLE, createNoticeTable, addNotices, tableSource };
