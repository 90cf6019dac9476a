import { useIntl } from 'react-intl';
import { PLUGIN_ID } from './plugin-id';
import en from './translations/en.json';

export type MessageKey = keyof typeof en;

export const translationId = (key: MessageKey) => `${PLUGIN_ID}.${key}`;

/** A message descriptor for APIs that take one (widget titles, column headers). */
export const message = (key: MessageKey) => ({ id: translationId(key), defaultMessage: en[key] });

/** `t('key', values)` with the English text as the default, so a missing locale reads well. */
export function useT() {
  const { formatMessage } = useIntl();
  return (key: MessageKey, values?: Record<string, string | number>) =>
    formatMessage(message(key), values);
}
