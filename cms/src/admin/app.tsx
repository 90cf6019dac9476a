import { ADMIN_VIEWS } from '../admin-views';
import ne from './translations/ne';

/** Strapi's guided tour keeps its state here (admin/src/components/GuidedTour/Context). */
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';
/** Strapi Cloud's "deploy now" homepage widget (shown when its plugin is installed). */
const DEPLOY_NOW_WIDGET = { pluginId: 'admin', id: 'deploy-now' };
const CONSOLE_PLUGIN = 'admin-console';

type Widget = { id: string; pluginId?: string };
type App = { widgets: { register(reducer: (widgets: Widget[]) => Widget[]): void } };

/**
 * Nepali labels of the content manager's fields, from the same declarations provisioning
 * applies (src/admin-views.ts): the list and edit views look these ids up first.
 */
const fieldLabels = Object.fromEntries(
  ADMIN_VIEWS.flatMap((view) =>
    Object.entries(view.labels ?? {}).map(([field, label]) => [
      `content-manager.content-types.${view.uid}.${field}`,
      label.ne,
    ]),
  ),
);

/** Off for every admin: the tour's popovers and its "Deploy to Strapi Cloud" steps. */
function turnOffGuidedTour() {
  try {
    const stored = JSON.parse(window.localStorage.getItem(GUIDED_TOUR_KEY) ?? '{}') as object;
    window.localStorage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ ...stored, enabled: false }));
  } catch {
    window.localStorage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ enabled: false }));
  }
}

/** MotorGhar's admin panel: English and Nepali, no onboarding or cloud prompts. */
export default {
  config: {
    locales: ['ne'],
    // The glossary-checked catalogue (translations/ne) wins over the views' own Nepali labels.
    translations: { ne: { ...fieldLabels, ...ne } },
    tutorials: false,
    notifications: { releases: false },
  },

  register(app: App) {
    turnOffGuidedTour();
    // MotorGhar's widgets first; Strapi's own after them; no cloud upsell.
    app.widgets.register((widgets) => {
      const kept = widgets.filter(
        (widget) =>
          !(widget.pluginId === DEPLOY_NOW_WIDGET.pluginId && widget.id === DEPLOY_NOW_WIDGET.id),
      );
      return [
        ...kept.filter((widget) => widget.pluginId === CONSOLE_PLUGIN),
        ...kept.filter((widget) => widget.pluginId !== CONSOLE_PLUGIN),
      ];
    });
  },

  bootstrap() {},
};
