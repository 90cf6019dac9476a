export interface AuditLogConfig {
  /** Rows older than this many days are pruned; 0 keeps every row. */
  retentionDays: number;
  /** When the retention job runs (cron syntax, server time). */
  pruneCron: string;
  /** Off: nothing is recorded (the benchmark's baseline); the chain and its routes stay. */
  enabled: boolean;
}

const CRON_FIELD = /^[\d*/,-]+$/;

/**
 * Strapi calls this with the merged config at boot; a throw stops the boot with
 * "Error regarding audit-log config: <message>".
 */
export function validateConfig(config: unknown): asserts config is AuditLogConfig {
  const value = config as Partial<AuditLogConfig>;
  const days = value.retentionDays;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > 36_500) {
    throw new Error(
      `retentionDays must be a whole number of days from 0 (keep everything) to 36500, got ${JSON.stringify(days)}`,
    );
  }
  const fields = typeof value.pruneCron === 'string' ? value.pruneCron.trim().split(/\s+/) : [];
  if (fields.length < 5 || fields.length > 6 || !fields.every((field) => CRON_FIELD.test(field))) {
    throw new Error(
      `pruneCron must be a cron rule of 5 or 6 numeric fields, got ${JSON.stringify(value.pruneCron)}`,
    );
  }
  if (typeof value.enabled !== 'boolean') {
    throw new Error(`enabled must be true or false, got ${JSON.stringify(value.enabled)}`);
  }
}

export default {
  default: { retentionDays: 365, pruneCron: '17 3 * * *', enabled: true } satisfies AuditLogConfig,
  validator: validateConfig,
};
