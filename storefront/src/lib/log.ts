type Level = 'info' | 'warn' | 'error';

/** Writes one structured JSON log line; warnings and errors go to stderr. */
export function logEvent(
  level: Level,
  message: string,
  fields: Record<string, unknown> = {},
): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields });
  if (level === 'info') console.log(line);
  else console.error(line);
}
