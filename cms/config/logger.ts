import { winston } from '@strapi/logger';
import { redactEntry } from '../src/lib/logging/redact';
import { loadEnv } from '../src/lib/env';

// Credentials are masked before any transport sees an entry.
const redactCredentials = winston.format((info) => redactEntry(info));

export default () => ({
  level: loadEnv().LOG_LEVEL,
  format: winston.format.combine(
    redactCredentials(),
    winston.format.timestamp(),
    winston.format.json(),
  ),
  transports: [new winston.transports.Console()],
});
