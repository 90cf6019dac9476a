import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv as parseDotenv } from 'node:util';
import { ENV_VARIABLES, EnvConfigError, parseEnv, SECRET_VARIABLES } from './env';

const examplePath = path.resolve(__dirname, '../../../config/.env.example');
const example = parseDotenv(readFileSync(examplePath, 'utf8'));

describe('config/.env.example', () => {
  it('documents every variable the CMS reads', () => {
    const undocumented = ENV_VARIABLES.filter((name) => !(name in example));
    expect(undocumented).toEqual([]);
  });

  it('cannot be used in production as it is: its secrets are placeholders', () => {
    const asProduction = { ...example, NODE_ENV: 'production' };
    expect(() => parseEnv(asProduction)).toThrow(EnvConfigError);
    expect(() => parseEnv(asProduction)).toThrow(/JWT_SECRET still holds the placeholder/);
  });

  it('boots once its secrets are filled in, empty values meaning "not set"', () => {
    const secrets = Object.fromEntries(
      SECRET_VARIABLES.map((name) => [
        name,
        `${name.toLowerCase()}-real-value-0123456789-0123456789`,
      ]),
    );
    const env = parseEnv({ ...example, ...secrets, NODE_ENV: 'production' });
    expect(env.databaseClient).toBe('sqlite');
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.s3Enabled).toBe(false);
  });
});
