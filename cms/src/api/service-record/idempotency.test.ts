import type { Core } from '@strapi/strapi';
import createKnex, { type Knex } from 'knex';
import {
  claimKey,
  ensureIdempotencyTable,
  fingerprint,
  IDEMPOTENCY_TABLE,
  parseIdempotencyKey,
  settleKey,
} from './idempotency';

// The embedded default's database (SQLite, in memory): the same statements as on PostgreSQL
// (the racing case on PostgreSQL is in tests/service-records.int.test.ts).
describe('Idempotency-Key claims on SQLite', () => {
  let knex: Knex;
  const claim = { ownerId: 1, key: 'retry-1', bodyHash: fingerprint({ a: 1, b: 2 }) };

  beforeAll(async () => {
    knex = createKnex({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    const strapi = { db: { connection: knex } } as unknown as Core.Strapi;
    await ensureIdempotencyTable(strapi);
    await ensureIdempotencyTable(strapi);
  });

  afterAll(() => knex.destroy());

  const firstCreate = () =>
    knex.transaction(async (trx) => {
      const { existing } = await claimKey(trx, claim);
      if (!existing) await settleKey(trx, claim, 'record-1');
      return existing;
    });

  it('claims a free key, then answers the same key and body with the first record', async () => {
    expect(await firstCreate()).toBeNull();
    const again = await knex.transaction((trx) =>
      claimKey(trx, { ...claim, bodyHash: fingerprint({ b: 2, a: 1 }) }),
    );
    expect(again).toEqual({ existing: 'record-1' });
  });

  it('refuses the same key with another body as a 422 naming Idempotency-Key', async () => {
    await expect(
      knex.transaction((trx) => claimKey(trx, { ...claim, bodyHash: fingerprint({ a: 2 }) })),
    ).rejects.toMatchObject({ status: 422, path: ['Idempotency-Key'] });
  });

  it('forgets a key after 24 hours', async () => {
    const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
    const later = await knex.transaction((trx) => claimKey(trx, claim, tomorrow));
    expect(later).toEqual({ existing: null });
    expect(await knex(IDEMPOTENCY_TABLE).count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('takes 1 to 200 visible ASCII characters and names the header otherwise', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey('a-Z_0~!')).toBe('a-Z_0~!');
    for (const bad of ['', ' lead', 'x'.repeat(201), 'tab\there', ['a', 'b']]) {
      expect(() => parseIdempotencyKey(bad)).toThrow(
        expect.objectContaining({ path: ['Idempotency-Key'] }),
      );
    }
  });
});
