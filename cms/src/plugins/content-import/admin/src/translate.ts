import { useIntl } from 'react-intl';
import { PLUGIN_ID } from './plugin-id';
import en from './translations/en.json';

export type MessageKey = keyof typeof en;

export const translationId = (key: string) => `${PLUGIN_ID}.${key}`;

/** `t('key', values)` with the English text as the default, so a missing locale reads well. */
export function useT() {
  const { formatMessage } = useIntl();
  return (key: MessageKey, values?: Record<string, string | number>) =>
    formatMessage({ id: translationId(key), defaultMessage: en[key] }, values);
}
