import { bootStrapi, createTestDatabase, testEnv, type TestDatabase } from './harness';

// Its own file: a failed boot leaves Strapi's global instance behind, which would break the
// shutdown of an app booted earlier in the same file.
describe('the audit-log plugin configuration', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it.each([['-5'], ['1.5'], ['40000']])(
    'refuses to boot with AUDIT_LOG_RETENTION_DAYS=%s, naming the plugin and the setting',
    async (value) => {
      await expect(
        bootStrapi(testEnv({ DATABASE_URL: db.url, AUDIT_LOG_RETENTION_DAYS: value })),
      ).rejects.toThrow(/Error regarding audit-log config: retentionDays must be a whole number/);
    },
  );

  it('refuses to boot with a retention that is not a number, naming the variable', async () => {
    await expect(
      bootStrapi(testEnv({ DATABASE_URL: db.url, AUDIT_LOG_RETENTION_DAYS: 'a year' })),
    ).rejects.toThrow(/AUDIT_LOG_RETENTION_DAYS/);
  });
});
