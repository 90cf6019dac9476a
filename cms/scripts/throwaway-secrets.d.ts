/** Fresh random values for every secret the CMS requires, for throwaway runs only. */
export function throwawaySecrets(): Record<
  | 'APP_KEYS'
  | 'API_TOKEN_SALT'
  | 'ADMIN_JWT_SECRET'
  | 'TRANSFER_TOKEN_SALT'
  | 'JWT_SECRET'
  | 'ENCRYPTION_KEY'
  | 'METRICS_TOKEN',
  string
>;
