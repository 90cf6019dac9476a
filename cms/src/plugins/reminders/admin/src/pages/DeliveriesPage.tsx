import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import { RETRY_PERMISSION } from '../plugin-id';
import { useT, type MessageKey } from '../translate';

const STATUSES = ['pending', 'sending', 'sent', 'failed', 'unknown'] as const;
const CHANNELS = ['email', 'sms'] as const;
const PAGE_SIZE = 25;
const COLUMNS = [
  'id',
  'channel',
  'recipient',
  'status',
  'attempts',
  'due',
  'sent',
  'error',
  'actions',
] as const;
const ANY = '__any__';

interface Delivery {
  id: number;
  channel: 'email' | 'sms';
  recipient: string;
  status: (typeof STATUSES)[number];
  attempts: number;
  dueAt: string;
  sentAt: string | null;
  lastError: string | null;
  segments: number | null;
}

interface DeliveryPage {
  results: Delivery[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
}

/**
 * Each status's badge, text on background at 4.5:1 or more in the light and dark themes (axe,
 * in the browser test): danger700 on danger200 is 3.9:1 and warning700 on warning200 3.6:1,
 * so a failed delivery's badge is on danger100 and an unknown one's text is neutral800.
 */
const BADGE: Record<
  Delivery['status'],
  { background: 'success200' | 'danger100' | 'warning200' | 'neutral150'; text: string }
> = {
  pending: { background: 'neutral150', text: 'neutral800' },
  sending: { background: 'neutral150', text: 'neutral800' },
  sent: { background: 'success200', text: 'success700' },
  failed: { background: 'danger100', text: 'danger700' },
  unknown: { background: 'warning200', text: 'neutral800' },
};

const when = (value: string | null) => (value ? new Date(value).toLocaleString() : '—');

/** Deliveries, newest first; filters and page live in the URL. */
export function DeliveriesPage() {
  const t = useT();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC({ retry: [RETRY_PERMISSION] });
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const channel = params.get('channel') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [reload, setReload] = React.useState(0);
  const [state, setState] = React.useState<
    | { status: 'loading' }
    | { status: 'error'; message: string }
    | { status: 'ready'; data: DeliveryPage }
  >({ status: 'loading' });

  React.useEffect(() => {
    let current = true;
    const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
    if (status) query.set('status', status);
    if (channel) query.set('channel', channel);
    get<DeliveryPage>(`/reminders/deliveries?${query}`)
      .then(({ data }) => current && setState({ status: 'ready', data }))
      .catch((error: Error) => current && setState({ status: 'error', message: error.message }));
    return () => {
      current = false;
    };
  }, [get, status, channel, page, reload]);

  const show = (next: { status?: string; channel?: string; page?: number }) => {
    const query = new URLSearchParams();
    const nextStatus = next.status ?? status;
    const nextChannel = next.channel ?? channel;
    if (nextStatus) query.set('status', nextStatus);
    if (nextChannel) query.set('channel', nextChannel);
    if (next.page && next.page > 1) query.set('page', String(next.page));
    setParams(query);
  };

  const retry = async (delivery: Delivery) => {
    if (delivery.status === 'unknown' && !window.confirm(t('retry.confirm.unknown'))) return;
    try {
      await post(`/reminders/deliveries/${delivery.id}/retry`);
      toggleNotification({ type: 'success', message: t('retry.done', { id: delivery.id }) });
      setReload((value) => value + 1);
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: t('retry.failed', { message: (error as Error).message }),
      });
    }
  };

  const select = (name: 'status' | 'channel', value: string, options: readonly string[]) => (
    <Field.Root name={name} id={`reminders-${name}`}>
      <Field.Label>{t(`filters.${name}` as MessageKey)}</Field.Label>
      <SingleSelect
        value={value || ANY}
        onChange={(picked) => show({ [name]: picked === ANY ? '' : String(picked), page: 1 })}
      >
        <SingleSelectOption value={ANY}>{t('filters.any')}</SingleSelectOption>
        {options.map((option) => (
          <SingleSelectOption key={option} value={option}>
            {t(`${name}.${option}` as MessageKey)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );

  return (
    <Page.Main>
      <Page.Title>{t('page.title')}</Page.Title>
      <Layouts.Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <Layouts.Content>
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={6}>
          <Grid.Root gap={4}>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              {select('status', status, STATUSES)}
            </Grid.Item>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              {select('channel', channel, CHANNELS)}
            </Grid.Item>
          </Grid.Root>
        </Box>
        {state.status === 'loading' && <Page.Loading />}
        {state.status === 'error' && (
          <Page.Error content={t('load.failed', { message: state.message })} />
        )}
        {state.status === 'ready' && (
          <>
            {/* The design system's Th is a plain gridcell: header roles let screen readers
                read each cell with its column's name. */}
            <Table colCount={COLUMNS.length} rowCount={state.data.results.length + 1}>
              <VisuallyHidden tag="caption">{t('table.caption')}</VisuallyHidden>
              <Thead>
                <Tr>
                  {COLUMNS.map((column) => (
                    <Th key={column} role="columnheader">
                      <Typography variant="sigma">{t(`column.${column}` as MessageKey)}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {state.data.results.length === 0 ? (
                  <Tr>
                    <Td colSpan={COLUMNS.length}>
                      <Box padding={4}>
                        <Typography>{t(status || channel ? 'empty' : 'empty.none')}</Typography>
                      </Box>
                    </Td>
                  </Tr>
                ) : (
                  state.data.results.map((delivery) => (
                    <Tr key={delivery.id}>
                      <Td>
                        <Typography>{delivery.id}</Typography>
                      </Td>
                      <Td>
                        <Typography>
                          {t(`channel.${delivery.channel}` as MessageKey)}
                          {delivery.segments
                            ? ` (${t('segments', { count: delivery.segments })})`
                            : ''}
                        </Typography>
                      </Td>
                      <Td>
                        <Typography>{delivery.recipient}</Typography>
                      </Td>
                      <Td>
                        <Badge
                          backgroundColor={BADGE[delivery.status].background}
                          textColor={BADGE[delivery.status].text}
                        >
                          {t(`status.${delivery.status}` as MessageKey)}
                        </Badge>
                      </Td>
                      <Td>
                        <Typography>{delivery.attempts}</Typography>
                      </Td>
                      <Td>
                        <Typography>{when(delivery.dueAt)}</Typography>
                      </Td>
                      <Td>
                        <Typography>{when(delivery.sentAt)}</Typography>
                      </Td>
                      <Td>
                        {/* Long provider answers stay on one line; the whole text is its title. */}
                        <Box maxWidth="20rem">
                          <Typography ellipsis title={delivery.lastError ?? undefined}>
                            {delivery.lastError ?? '—'}
                          </Typography>
                        </Box>
                      </Td>
                      <Td>
                        {allowedActions.canRetry &&
                          (delivery.status === 'failed' || delivery.status === 'unknown') && (
                            <Button
                              variant="secondary"
                              size="S"
                              startIcon={<ArrowClockwise aria-hidden />}
                              aria-label={t('retry.label', { id: delivery.id })}
                              onClick={() => retry(delivery)}
                            >
                              {t('retry')}
                            </Button>
                          )}
                      </Td>
                    </Tr>
                  ))
                )}
              </Tbody>
            </Table>
            <Flex justifyContent="space-between" alignItems="center" gap={2} paddingTop={4}>
              <Typography role="status">
                {t('page.of', {
                  page,
                  pageCount: Math.max(1, state.data.pagination.pageCount),
                  total: state.data.pagination.total,
                })}
              </Typography>
              <Flex gap={2}>
                <Button
                  variant="tertiary"
                  disabled={page <= 1}
                  onClick={() => show({ page: page - 1 })}
                >
                  {t('page.previous')}
                </Button>
                <Button
                  variant="tertiary"
                  disabled={page >= state.data.pagination.pageCount}
                  onClick={() => show({ page: page + 1 })}
                >
                  {t('page.next')}
                </Button>
              </Flex>
            </Flex>
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
}
