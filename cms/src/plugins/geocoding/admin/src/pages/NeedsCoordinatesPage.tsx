import * as React from 'react';
import { Box, Flex, LinkButton, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { CENTER_UID, NEEDS_COORDINATES_LIST } from '../plugin-id';
import { useT } from '../translate';

/** How many centers need coordinates, and a link to the content manager's filtered list. */
export const NeedsCoordinatesPage = () => {
  const t = useT();
  const { get } = useFetchClient();
  const [count, setCount] = React.useState<number | null>(null);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    get<{ pagination: { total: number } }>(`/content-manager/collection-types/${CENTER_UID}`, {
      params: { page: 1, pageSize: 1, filters: { $and: [{ needsCoordinates: { $eq: true } }] } },
    })
      .then(({ data }) => live && setCount(data.pagination.total))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [get]);

  return (
    <Page.Main>
      <Page.Title>{t('page.title')}</Page.Title>
      <Layouts.Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
          <Flex direction="column" alignItems="flex-start" gap={4}>
            <Typography tag="h2" variant="delta">
              {t('page.needs.title')}
            </Typography>
            <Typography role="status">
              {failed
                ? t('page.needs.error')
                : count === null
                  ? '…'
                  : t('page.needs.count', { count })}
            </Typography>
            <Typography>{t('page.needs.help')}</Typography>
            <LinkButton tag={Link} to={NEEDS_COORDINATES_LIST} variant="secondary">
              {t('page.needs.open')}
            </LinkButton>
          </Flex>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
