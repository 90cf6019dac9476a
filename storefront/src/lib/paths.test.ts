import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales, parseLocale } from '~/i18n';
import { paths } from './paths';

const pagesDir = path.resolve(import.meta.dirname, '../pages');

/**
 * The routes src/pages defines, as patterns: `[locale]/garage/[id]/edit.astro` answers
 * `/{any segment}/garage/{any segment}/edit`, an index file its folder (with or without the
 * trailing slash), and `[...rest]` any number of segments.
 */
const routes = readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.(astro|ts)$/.test(file) && !/(^|\/)404\.astro$/.test(file))
  .map((file) => {
    const route = `/${file}`.replace(/\.(astro|ts)$/, '').replace(/\/index$/, '/');
    const pattern = route
      .split('/')
      .map((part) =>
        part.startsWith('[...')
          ? '.+'
          : part.startsWith('[')
            ? '[^/]+'
            : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/')
      .replace(/\/$/, '/?');
    return { file, pattern: new RegExp(`^${pattern}$`) };
  })
  // As Astro ranks them: a static segment before a parameter (`garage/new` before `[id]`).
  .sort((a, b) => (a.file.match(/\[/g)?.length ?? 0) - (b.file.match(/\[/g)?.length ?? 0));

function routeOf(href: string): string | undefined {
  const { pathname } = new URL(href, 'http://portal.test');
  return routes.find(({ pattern }) => pattern.test(pathname))?.file;
}

const en = parseLocale('en')!;
const ne = parseLocale('ne')!;
// One of each kind of argument a builder takes; an id that would be a separator if not encoded.
const built = Object.entries({
  home: paths.home(en),
  about: paths.about(en),
  login: paths.login(en, '/en/garage'),
  register: paths.register(en),
  forgotPassword: paths.forgotPassword(en),
  resetPassword: paths.resetPassword(en),
  formExpired: paths.formExpired(en),
  logout: paths.logout(en),
  profile: paths.profile(en),
  profileCalendar: paths.profileCalendar(en),
  garage: paths.garage(en),
  reminders: paths.reminders(en, { vehicle: 'a/b' }),
  editReminder: paths.editReminder(ne, 'a/b', { back: 'vehicle' }),
  newVehicle: paths.newVehicle(en),
  vehicle: paths.vehicle(en, 'a/b?c'),
  editVehicle: paths.editVehicle(en, 'a/b'),
  deleteVehicle: paths.deleteVehicle(en, 'a/b'),
  serviceCalendar: paths.serviceCalendar(en, 'a/b', { month: '2081-04' }),
  newService: paths.newService(en, 'a/b'),
  serviceRecord: paths.serviceRecord(en, 'a/b', 'r/1'),
  editService: paths.editService(en, 'a/b', 'r/1'),
  completeService: paths.completeService(en, 'a/b', 'r/1'),
  cancelService: paths.cancelService(en, 'a/b', 'r/1'),
  calendarFeed: paths.calendarFeed('abc_-1'),
  documents: paths.documents(en),
  document: paths.document(en, 'a/b'),
  deleteDocument: paths.deleteDocument(en, 'a/b'),
  documentFile: paths.documentFile('a/b', true),
  documentUploads: paths.documentUploads(ne),
  documentUpload: paths.documentUpload('a/b'),
  news: paths.news(en, { tag: 'safety' }),
  article: paths.article(ne, 'a/b'),
  recalls: paths.recalls(en, { recall: 'fixed' }),
  centers: paths.centers(en, { district: 'kaski', open: '1' }),
  center: paths.center(en, 'a/b', { district: 'kaski' }),
  savedCenters: paths.savedCenters(ne),
  catalogModelsOfMake: paths.catalogModelsOfMake('m/1'),
  catalogModel: paths.catalogModel('m/1'),
} satisfies Record<keyof typeof paths, string>);

describe('paths', () => {
  it.each(built)('%s builds a path a page in src/pages answers (%s)', (_name, href) => {
    expect(routeOf(href)).toBeDefined();
  });

  it('has a builder for every page in src/pages', () => {
    const answered = new Set(built.map(([, href]) => routeOf(href)));
    const pages = routes
      .map(({ file }) => file)
      .filter((file) => !/^(healthz|index)\.|^media\//.test(file));

    expect(pages.filter((file) => !answered.has(file))).toEqual([]);
  });

  it('puts pages under the locale they are asked for', () => {
    for (const locale of locales) {
      expect(paths.garage(locale)).toBe(`/${locale}/garage`);
      expect(paths.home(locale)).toBe(`/${locale}/`);
    }
  });

  it('builds the exact addresses the portal has always linked', () => {
    expect(paths.vehicle(ne, 'abc', { done: 'saved' })).toBe('/ne/garage/abc?done=saved');
    expect(paths.vehicle(en, 'a/b?c')).toBe('/en/garage/a%2Fb%3Fc');
    expect(paths.editVehicle(en, 'x')).toBe('/en/garage/x/edit');
    expect(paths.garage(en, { deleted: '1' })).toBe('/en/garage?deleted=1');
    expect(paths.garage(en, { cursor: undefined })).toBe('/en/garage');
    expect(paths.profile(ne, { saved: '1' })).toBe('/ne/profile?saved=1');
  });

  it('points the login page back at the page that needs a signed-in owner', () => {
    expect(paths.login(ne, '/ne/profile')).toBe('/ne/login?next=%2Fne%2Fprofile');
    expect(paths.login(ne)).toBe('/ne/login');
  });
});
