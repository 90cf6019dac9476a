import { timingSafeEqual } from 'node:crypto';
import { errors } from '@strapi/utils';
import { loadEnv } from '../../../lib/env';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Metrics are for the scraper only: `Authorization: Bearer $METRICS_TOKEN`. */
export default (policyContext: { request: { header: Record<string, string | undefined> } }) => {
  const header = policyContext.request.header.authorization ?? '';
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token || !sameSecret(token, loadEnv().METRICS_TOKEN)) {
    throw new errors.UnauthorizedError('metrics require the bearer token METRICS_TOKEN');
  }
  return true;
};
