import { districtByCode, inNepalBounds } from '@motorghar/nepal';
import { z } from 'zod';
import type { AddressInput } from './gazetteer';

/** One place of a Nominatim `format=jsonv2` search answer (only what we read). */
const place = z.object({
  lat: z.string().regex(/^-?\d+(\.\d+)?$/),
  lon: z.string().regex(/^-?\d+(\.\d+)?$/),
});
const answer = z.array(z.unknown());

export type ProviderAnswer =
  | { kind: 'point'; lat: number; lng: number }
  | { kind: 'none' }
  | { kind: 'outside' }
  | { kind: 'invalid' };

/**
 * What a Nominatim-compatible search answered: the first place inside Nepal, "none" for an
 * empty list, "outside" when every place lies outside Nepal, "invalid" for anything else.
 */
export function parseNominatim(body: unknown): ProviderAnswer {
  const list = answer.safeParse(body);
  if (!list.success) return { kind: 'invalid' };
  if (list.data.length === 0) return { kind: 'none' };
  let outside = false;
  for (const item of list.data) {
    const parsed = place.safeParse(item);
    if (!parsed.success) return { kind: 'invalid' };
    const lat = Number(parsed.data.lat);
    const lng = Number(parsed.data.lon);
    if (inNepalBounds(lat, lng)) return { kind: 'point', lat, lng };
    outside = true;
  }
  return outside ? { kind: 'outside' } : { kind: 'none' };
}

/** The free-form query sent to the provider: address, city, district, "Nepal". */
export function providerQuery(input: AddressInput): string {
  const district = input.district ? districtByCode(String(input.district)) : null;
  const parts = [input.address, input.city, district ? `${district.en} District` : null, 'Nepal']
    .map((part) => (typeof part === 'string' ? part.trim() : ''))
    .filter(Boolean);
  const seen = new Set<string>();
  return parts
    .filter((part) => {
      const key = part.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .join(', ');
}

export interface ProviderSettings {
  url: string;
  userAgent: string;
  email: string | null;
}

export class ProviderError extends Error {
  constructor(
    readonly reason: 'timeout' | 'http' | 'network' | 'invalid' | 'outside',
    message: string,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

/**
 * One search request (`/search?q=…&countrycodes=np&format=jsonv2&limit=3`), aborted after
 * `timeoutMs`. Resolves to a point in Nepal or null (the provider knows no such place); a
 * failure of any kind (down, slow, HTTP error, malformed answer, only points abroad) rejects
 * with a {@link ProviderError}.
 */
export async function searchProvider(
  settings: ProviderSettings,
  query: string,
  timeoutMs: number,
): Promise<{ lat: number; lng: number } | null> {
  const url = new URL(settings.url.replace(/\/+$/, '') + '/search');
  url.searchParams.set('q', query);
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('countrycodes', 'np');
  url.searchParams.set('limit', '3');
  if (settings.email) url.searchParams.set('email', settings.email);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { 'User-Agent': settings.userAgent, Accept: 'application/json' },
      signal: AbortSignal.timeout(Math.max(1, timeoutMs)),
    });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      throw new ProviderError('timeout', `no answer within ${timeoutMs} ms`);
    throw new ProviderError('network', (error as Error).message);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new ProviderError('http', `HTTP ${response.status}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      throw new ProviderError('timeout', `no answer within ${timeoutMs} ms`);
    throw new ProviderError('invalid', 'the answer is not JSON');
  }
  const parsed = parseNominatim(body);
  if (parsed.kind === 'point') return { lat: parsed.lat, lng: parsed.lng };
  if (parsed.kind === 'none') return null;
  if (parsed.kind === 'outside')
    throw new ProviderError('outside', 'every place in the answer lies outside Nepal');
  throw new ProviderError('invalid', 'the answer is not a Nominatim jsonv2 list');
}
