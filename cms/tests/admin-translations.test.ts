/**
 * The Nepali admin locale (issue 11, item 6): coverage of the catalogues in scope (see
 * src/admin/translations/scope.ts for which keys are in scope and why), placeholders and ICU
 * plural/select cases kept, this project's content types and fields named, the glossary's
 * terms used, and the language named in the profile's menu.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  PROJECT_PLUGINS,
  STRAPI_CATALOGUES,
  inScope,
  type Catalogue,
} from '../src/admin/translations/scope';
import { ne } from '../src/admin/translations/ne';
import { withNepali, NEPALI_NAME } from '../src/admin/vite.config';

const root = path.resolve(__dirname, '..', '..');
const translations = path.resolve(__dirname, '..', 'src', 'admin', 'translations', 'ne');
const MINIMUM = 0.95;
const load = createRequire(__filename);

type Messages = Record<string, string>;
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const nepaliFile = (name: string): Messages => readJson(path.join(translations, `${name}.json`));
const english = (catalogue: Catalogue): Messages => {
  const loaded = load(path.join(root, 'node_modules', catalogue.english));
  return (loaded.default ?? loaded) as Messages;
};
const DEVANAGARI = /[\u0900-\u097F]/;
/**
 * Strings Nepali writes exactly as English does: acronyms, product names and axis letters.
 * They count as translated when the Nepali keeps them.
 */
const SAME_IN_NEPALI = new Set(['ID', 'API ID', 'SMS', 'GraphQL', 'Sentry', 'X', 'Y']);
/** The English text a reader sees: without ICU arguments (innermost first) and URLs. */
const prose = (message: string) => {
  let text = message.replace(/https?:\/\/\S+/g, '');
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\{[^{}]*\}/g, '');
  }
  return text;
};

/**
 * The arguments of an ICU message, flattened: `name`, `name:type`, and for plural/select the
 * case keys with their own arguments, so that `{count, plural, one {# file} other {# files}}`
 * and its Nepali must agree on `count:plural[one|other]`.
 */
export function signature(message: string): string[] {
  const out: string[] = [];
  let i = 0;
  const readUntil = (stops: string) => {
    const start = i;
    while (i < message.length && !stops.includes(message[i])) i += 1;
    return message.slice(start, i).trim();
  };
  const body = (prefix: string, depth: number): void => {
    while (i < message.length) {
      const c = message[i];
      if (c === '}') {
        if (depth > 0) return;
        i += 1;
        continue;
      }
      if (c !== '{') {
        i += 1;
        continue;
      }
      i += 1;
      const name = readUntil(',}');
      if (message[i] === '}') {
        i += 1;
        out.push(prefix + name);
        continue;
      }
      i += 1;
      const type = readUntil(',}');
      if (!['plural', 'select', 'selectordinal'].includes(type)) {
        if (message[i] === ',') readUntil('}');
        i += 1;
        out.push(`${prefix}${name}:${type}`);
        continue;
      }
      i += 1;
      const cases: string[] = [];
      for (;;) {
        const key = readUntil('{}').replace(/^offset:\d+\s*/, '');
        if (message[i] !== '{') {
          i += 1;
          break;
        }
        i += 1;
        cases.push(key);
        body(`${prefix}${name}.${key}>`, depth + 1);
        i += 1;
      }
      out.push(`${prefix}${name}:${type}[${cases.sort().join('|')}]`);
    }
  };
  body('', 0);
  return out.sort();
}

describe('signature (placeholder check)', () => {
  it('sees arguments, types and plural cases, and tells a changed one apart', () => {
    expect(signature('Hello {name}, {count, plural, one {# file} other {# files}}')).toEqual([
      'count:plural[one|other]',
      'name',
    ]);
    expect(signature('{count, plural, =0 {none} other {{count} of {total}}}')).toEqual([
      'count.other>count',
      'count.other>total',
      'count:plural[=0|other]',
    ]);
    expect(signature('{n, plural, one {# फाइल} other {# फाइलहरू}}')).not.toEqual(
      signature('{n, plural, one {# file} many {# files} other {# files}}'),
    );
    expect(signature('{date, date}')).not.toEqual(signature('{date}'));
  });
});

const coverage = (englishMessages: Messages, nepali: Messages, keys: string[]) => {
  const translated = keys.filter((key) => {
    const value = nepali[key];
    // A key counts when its Nepali exists and is not the English copied over (a string with
    // no letters, such as " " or "{number}%", counts as it is).
    return (
      typeof value === 'string' &&
      (DEVANAGARI.test(value) ||
        (SAME_IN_NEPALI.has(value) && value === englishMessages[key]) ||
        !/[A-Za-z]/.test(prose(englishMessages[key])))
    );
  });
  return {
    translated: translated.length,
    total: keys.length,
    share: translated.length / keys.length,
  };
};

describe('coverage (the count itself)', () => {
  it('counts English copied over, or missing, as untranslated', () => {
    const en = { a: 'Save', b: 'Delete {name}', c: 'ID', d: '{count}%', e: 'Open' };
    const nep = { a: 'सेभ गर्नुहोस्', b: 'Delete {name}', c: 'ID', d: '{count}%' };
    expect(coverage(en, nep, Object.keys(en))).toEqual({ translated: 3, total: 5, share: 0.6 });
  });
});

const report: string[] = [];
afterAll(() => {
  // The figures for the report: share translated per package in scope.
  console.log(`Nepali admin coverage\n${report.join('\n')}`);
});

describe.each(STRAPI_CATALOGUES)('the $file catalogue', (catalogue) => {
  const en = english(catalogue);
  const nep = nepaliFile(catalogue.file);
  const keys = Object.keys(en).filter((key) => inScope(catalogue, key));

  it(`has Nepali for at least ${MINIMUM * 100} % of the English keys in scope`, () => {
    const result = coverage(en, nep, keys);
    report.push(
      `${catalogue.file}: ${result.translated}/${result.total} = ${(result.share * 100).toFixed(1)} %`,
    );
    const missing = keys.filter((key) => !(key in nep));
    expect({ share: result.share >= MINIMUM, missing: missing.slice(0, 20) }).toEqual({
      share: true,
      missing: result.share >= MINIMUM ? missing.slice(0, 20) : [],
    });
  });

  it('has no key the installed English does not have', () => {
    expect(Object.keys(nep).filter((key) => !(key in en))).toEqual([]);
  });

  it('keeps every placeholder and plural/select case of the English', () => {
    const wrong = Object.keys(nep)
      .filter((key) => key in en && signature(nep[key]).join() !== signature(en[key]).join())
      .map((key) => `${key}: ${en[key]} ≠ ${nep[key]}`);
    expect(wrong).toEqual([]);
  });

  it('reaches the merged locale under the prefix Strapi gives the catalogue', () => {
    for (const [key, value] of Object.entries(nep)) {
      expect(ne[catalogue.prefix + key]).toBe(value);
    }
  });
});

describe('this project’s plugins', () => {
  it('are all in scope: every plugin with an English admin catalogue has a Nepali one', () => {
    const plugins = path.join(__dirname, '..', 'src', 'plugins');
    const withAdmin = fs
      .readdirSync(plugins)
      .filter((name) =>
        fs.existsSync(path.join(plugins, name, 'admin', 'src', 'translations', 'en.json')),
      )
      .sort();
    expect(withAdmin).toEqual([...PROJECT_PLUGINS].sort());
  });
});

describe.each(PROJECT_PLUGINS)('the %s plugin', (plugin) => {
  const en = readJson<Messages>(
    path.join(__dirname, '..', 'src', 'plugins', plugin, 'admin', 'src', 'translations', 'en.json'),
  );
  const nep = nepaliFile(plugin);

  it('has Nepali for every key, with the same placeholders, under the plugin id', () => {
    const result = coverage(en, nep, Object.keys(en));
    report.push(`${plugin} (plugin): ${result.translated}/${result.total}`);
    expect(Object.keys(en).filter((key) => !(key in nep))).toEqual([]);
    expect(Object.keys(nep).filter((key) => !(key in en))).toEqual([]);
    expect(result.share).toBe(1);
    for (const key of Object.keys(nep)) {
      expect([key, signature(nep[key])]).toEqual([key, signature(en[key])]);
      expect(ne[`${plugin}.${key}`]).toBe(nep[key]);
    }
  });
});

describe('ids missing from the English catalogues', () => {
  it('are ones the installed admin code asks for, and are in the merged locale', () => {
    const extra = nepaliFile('extra');
    const code = fs.readFileSync(
      path.join(root, 'node_modules', '@strapi/content-manager/dist/admin/index.js'),
      'utf8',
    );
    for (const [id, value] of Object.entries(extra)) {
      expect(code).toContain(id);
      expect(value).toMatch(DEVANAGARI);
      expect(ne[id]).toBe(value);
    }
  });
});

describe('this project’s content types', () => {
  const schemaFiles = [
    ...fs
      .readdirSync(path.join(__dirname, '..', 'src', 'api'), { recursive: true })
      .map(String)
      .filter((file) => /content-types[\\/][^\\/]+[\\/]schema\.json$/.test(file))
      .map((file) => path.join(__dirname, '..', 'src', 'api', file)),
    path.join(
      __dirname,
      '..',
      'src',
      'extensions',
      'users-permissions',
      'content-types',
      'user',
      'schema.json',
    ),
  ];
  const uidOf = (file: string) => {
    const parts = file.split(path.sep);
    const type = parts[parts.length - 2];
    if (parts.includes('extensions')) return `plugin::users-permissions.${type}`;
    return `api::${parts[parts.indexOf('api') + 1]}.${type}`;
  };
  const names = readJson<
    Record<string, { en: string; displayName: string; fields: Record<string, string> }>
  >(path.join(translations, 'content-types.json'));

  it.each(schemaFiles.map((file) => [uidOf(file), file]))(
    '%s has a Nepali display name and a label for every field',
    (uid, file) => {
      const schema = readJson<{ info: { displayName: string }; attributes: object }>(file);
      const entry = names[uid];
      expect(entry?.en).toBe(schema.info.displayName);
      expect(entry.displayName).toMatch(DEVANAGARI);
      expect(ne[schema.info.displayName]).toBe(entry.displayName);
      const missing = Object.keys(schema.attributes).filter(
        (field) => !DEVANAGARI.test(entry.fields[field] ?? ''),
      );
      expect(missing).toEqual([]);
      for (const field of Object.keys(schema.attributes)) {
        expect(ne[`content-manager.content-types.${uid}.${field}`]).toBe(entry.fields[field]);
      }
    },
  );

  it('names no content type or field that does not exist', () => {
    const uids = new Set(schemaFiles.map(uidOf));
    expect(Object.keys(names).filter((uid) => !uids.has(uid))).toEqual([]);
  });
});

describe('the glossary', () => {
  interface Term {
    en: string;
    ne: string;
    note?: string;
    /** English words that mean this term in admin strings. */
    admin?: string[];
    /** What the Nepali must contain where the word bends (a stem); `ne` otherwise. */
    adminMatch?: string;
  }
  const glossary = readJson<{ terms: Term[] }>(
    path.join(root, 'packages', 'nepal', 'glossary.json'),
  );
  const adminTerms = glossary.terms.filter((term) => term.admin);

  const allEnglish: Array<[string, string, string]> = [];
  for (const catalogue of STRAPI_CATALOGUES) {
    const en = english(catalogue);
    const nep = nepaliFile(catalogue.file);
    for (const key of Object.keys(nep)) {
      if (key in en) allEnglish.push([`${catalogue.file}:${key}`, en[key], nep[key]]);
    }
  }
  for (const plugin of PROJECT_PLUGINS) {
    const en = readJson<Messages>(
      path.join(
        __dirname,
        '..',
        'src',
        'plugins',
        plugin,
        'admin',
        'src',
        'translations',
        'en.json',
      ),
    );
    const nep = nepaliFile(plugin);
    for (const key of Object.keys(nep)) allEnglish.push([`${plugin}:${key}`, en[key], nep[key]]);
  }

  it.each(adminTerms.map((term) => [term.en, term]))(
    'admin strings that say “%s” use the glossary’s Nepali',
    (_en, term) => {
      const words = (term as Term).admin ?? [];
      const pattern = new RegExp(`\\b(${words.join('|')})\\b`, 'i');
      const expected = (term as Term).adminMatch ?? (term as Term).ne;
      const wrong = allEnglish
        .filter(([, en, nepali]) => pattern.test(prose(en)) && !nepali.includes(expected))
        .map(([key, en, nepali]) => `${key}: ${en} → ${nepali}`);
      expect(wrong).toEqual([]);
    },
  );

  it('names each content type as the glossary does where it has the term', () => {
    const names = readJson<Record<string, { en: string; displayName: string }>>(
      path.join(translations, 'content-types.json'),
    );
    for (const { en, displayName } of Object.values(names)) {
      const term = glossary.terms.find((t) => t.en.toLowerCase() === en.toLowerCase());
      if (term) expect([en, displayName]).toEqual([en, term.ne]);
    }
  });
});

describe('the language menu', () => {
  it('names Nepali in the installed admin’s language table once the build adds it', () => {
    const file = path.join(
      root,
      'node_modules',
      '@strapi/admin/dist/admin/admin/src/translations/languageNativeNames.mjs',
    );
    const patched = withNepali(fs.readFileSync(file, 'utf8'));
    expect(patched).toContain(`ne: '${NEPALI_NAME}'`);
    expect(withNepali(patched)).toBe(patched);
    expect(() => withNepali('export const names = {};')).toThrow(/languageNativeNames/);
  });
});
