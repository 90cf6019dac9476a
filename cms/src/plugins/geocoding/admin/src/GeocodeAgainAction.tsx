import * as React from 'react';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import {
  unstable_useDocument as useDocument,
  type DocumentActionComponent,
} from '@strapi/content-manager/strapi-admin';
import { CENTER_UID, PLUGIN_ID, UPDATE_CENTERS } from './plugin-id';
import { useT } from './translate';

interface Point {
  latitude: number | null;
  longitude: number | null;
  coordinatesSource: 'provider' | 'gazetteer' | null;
}

/**
 * "Geocode again" in a service center's edit view (the side panel's actions menu): clears a
 * point the plugin found and runs the chain afresh. Hidden on other content types and on a
 * center not saved yet; disabled when the point was set by hand (the server refuses it too).
 */
export const GeocodeAgainAction: DocumentActionComponent = ({
  model,
  documentId,
  document,
  collectionType,
}) => {
  const t = useT();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const permissions = React.useMemo(() => [UPDATE_CENTERS], []);
  const { allowedActions } = useRBAC(permissions);
  const [busy, setBusy] = React.useState(false);
  const { refetch } = useDocument(
    { documentId, model, collectionType, params: { locale: document?.locale } },
    { skip: model !== CENTER_UID || !documentId },
  );
  if (model !== CENTER_UID || !documentId) return null;
  const manual = document?.coordinatesSource === 'manual';
  return {
    label: manual ? `${t('action.label')} — ${t('action.manual')}` : t('action.label'),
    position: 'panel',
    disabled: busy || manual || !allowedActions.canUpdate,
    loading: busy,
    onClick: async () => {
      setBusy(true);
      try {
        const { data } = await post<{ data: Point }>(
          `/${PLUGIN_ID}/service-centers/${documentId}/geocode`,
        );
        const point = data.data;
        toggleNotification(
          point.latitude === null
            ? { type: 'warning', message: t('action.unresolved') }
            : {
                type: 'success',
                message: t('action.success', {
                  lat: point.latitude,
                  lng: point.longitude ?? '',
                  source: t(
                    point.coordinatesSource === 'provider' ? 'source.provider' : 'source.gazetteer',
                  ),
                }),
              },
        );
        refetch();
      } catch {
        toggleNotification({ type: 'danger', message: t('action.error') });
      } finally {
        setBusy(false);
      }
      return true;
    },
  };
};
GeocodeAgainAction.type = 'update';
