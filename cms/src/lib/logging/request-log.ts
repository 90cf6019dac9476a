import type { Core } from '@strapi/strapi';
import { winston } from '@strapi/logger';
import { redactString } from './redact';

/** The fields of the one line each request writes when it ends. */
export interface RequestLogEntry {
  requestId: string;
  method: string;
  route: string;
  path: string;
  status: number;
  durationMs: number;
}

/**
 * The request's log line as the configured logger writes it (config/logger.ts: credentials
 * masked, a timestamp, JSON). Only `path` can carry what a caller typed (the request id is
 * checked against a safe pattern, the rest is the app's own), so only it is scrubbed.
 */
export function requestLine(entry: RequestLogEntry, now = new Date()): string {
  return `${JSON.stringify({
    level: 'info',
    message: 'request',
    ...entry,
    path: redactString(entry.path),
    timestamp: now.toISOString(),
  })}\n`;
}

type Write = (text: string) => unknown;

// Lines still waiting for their turn's write go out when the process exits (one listener for
// every app this process boots, as the tests boot several).
const flushers = new Set<() => void>();
let exitHooked = false;
function flushOnExit(flush: () => void) {
  flushers.add(flush);
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => flushers.forEach((each) => each()));
}

/**
 * Writes the per-request log line. Through winston each line took its format pipeline (the
 * credential scrubber's regular expressions over every field), object-mode streams and a write
 * to stdout of its own, at over a thousand requests a second. When the logger is the
 * configured one (one Console transport), the line is formatted here and the lines of one turn
 * of the event loop go out in one write, flushed before the process exits. Any other set-up
 * (the tests' stream transport, another transport added) goes through the logger as before.
 */
export function createRequestLog(strapi: Core.Strapi, write: Write = stdoutWrite) {
  const logger = strapi.log;
  const plainConsole = () =>
    logger.transports.length === 1 && logger.transports[0] instanceof winston.transports.Console;
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!pending) return;
    const text = pending;
    pending = '';
    write(text);
  };
  flushOnExit(flush);

  return {
    write(entry: RequestLogEntry): void {
      if (!plainConsole()) {
        logger.info('request', entry);
        return;
      }
      if (!logger.isLevelEnabled('info')) return;
      pending += requestLine(entry);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

function stdoutWrite(text: string) {
  return process.stdout.write(text);
}
