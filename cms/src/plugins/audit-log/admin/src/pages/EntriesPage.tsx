import * as React from 'react';
import {
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
import { Download, Eye } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import {
  ACTIONS,
  apiQuery,
  filtersFrom,
  FILTER_NAMES,
  type EntryPage as EntryPageData,
  type Filters,
} from '../api';
import { useT } from '../translate';

const ANY = '__any__';

/** The list: filters and page live in the URL, so the detail view's "back" keeps them. */
export function EntriesPage() {
  const t = useT();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [params, setParams] = useSearchParams();
  const applied = React.useMemo(() => filtersFrom(params), [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = React.useState<Filters>(applied);
  const [state, setState] = React.useState<
    | { status: 'loading' }
    | { status: 'error'; message: string }
    | { status: 'ready'; data: EntryPageData }
  >({ status: 'loading' });
  const [exporting, setExporting] = React.useState(false);

  React.useEffect(() => setDraft(applied), [applied]);

  React.useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    get<EntryPageData>(`/audit-log/entries${apiQuery(applied, page)}`)
      .then(({ data }) => current && setState({ status: 'ready', data }))
      .catch((error: Error) => current && setState({ status: 'error', message: error.message }));
    return () => {
      current = false;
    };
  }, [get, applied, page]);

  const show = (filters: Filters, nextPage = 1) => {
    const next = new URLSearchParams(apiQuery(filters));
    if (nextPage > 1) next.set('page', String(nextPage));
    setParams(next);
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const { data } = await get<Blob>(`/audit-log/entries/export${apiQuery(applied)}`, {
        responseType: 'blob',
      });
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = `audit-log-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: t('export.failed', { message: (error as Error).message }),
      });
    } finally {
      setExporting(false);
    }
  };

  const text = (name: (typeof FILTER_NAMES)[number]) => ({
    value: draft[name] ?? '',
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      setDraft((previous) => ({ ...previous, [name]: event.target.value })),
  });

  return (
    <Page.Main>
      <Page.Title>{t('page.title')}</Page.Title>
      <Layouts.Header
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        primaryAction={
          <Button
            startIcon={<Download />}
            onClick={exportCsv}
            loading={exporting}
            disabled={state.status !== 'ready'}
          >
            {t('export')}
          </Button>
        }
      />
      <Layouts.Content>
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={6}>
          <form
            aria-label={t('filters.title')}
            onSubmit={(event) => {
              event.preventDefault();
              show(draft);
            }}
          >
            <Grid.Root gap={4}>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                <Field.Root name="actor" hint={t('filters.actor.hint')}>
                  <Field.Label>{t('filters.actor')}</Field.Label>
                  <Field.Input {...text('actor')} />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                <Field.Root name="action" id="audit-log-action">
                  <Field.Label>{t('filters.action')}</Field.Label>
                  <SingleSelect
                    value={draft.action ?? ANY}
                    onChange={(value) =>
                      setDraft((previous) => ({
                        ...previous,
                        action: value === ANY ? undefined : String(value),
                      }))
                    }
                  >
                    <SingleSelectOption value={ANY}>{t('filters.action.any')}</SingleSelectOption>
                    {ACTIONS.map((action) => (
                      <SingleSelectOption key={action} value={action}>
                        {action}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                <Field.Root name="contentType" hint={t('filters.contentType.hint')}>
                  <Field.Label>{t('filters.contentType')}</Field.Label>
                  <Field.Input {...text('contentType')} />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                <Field.Root name="from">
                  <Field.Label>{t('filters.from')}</Field.Label>
                  <Field.Input type="date" {...text('from')} />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                <Field.Root name="to">
                  <Field.Label>{t('filters.to')}</Field.Label>
                  <Field.Input type="date" {...text('to')} />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={4} s={12} alignItems="flex-end">
                <Flex gap={2} paddingTop={6}>
                  <Button type="submit">{t('filters.apply')}</Button>
                  <Button type="button" variant="tertiary" onClick={() => show({})}>
                    {t('filters.reset')}
                  </Button>
                </Flex>
              </Grid.Item>
            </Grid.Root>
          </form>
        </Box>
        <Entries state={state} filters={applied} onPage={(next) => show(applied, next)} />
      </Layouts.Content>
    </Page.Main>
  );
}

function Entries({
  state,
  filters,
  onPage,
}: {
  state:
    | { status: 'loading' }
    | { status: 'error'; message: string }
    | { status: 'ready'; data: EntryPageData };
  filters: Filters;
  onPage(page: number): void;
}) {
  const t = useT();
  if (state.status === 'loading') return <Page.Loading />;
  if (state.status === 'error') {
    return <Page.Error content={t('load.failed', { message: state.message })} />;
  }
  const { results, pagination } = state.data;
  const search = apiQuery(filters);
  return (
    <>
      {/* The design system's Th is a plain gridcell; header roles let screen readers read
          each cell with its column's name. */}
      <Table colCount={7} rowCount={results.length + 1}>
        <VisuallyHidden tag="caption">{t('table.caption')}</VisuallyHidden>
        <Thead>
          <Tr>
            {(
              [
                'table.time',
                'table.actor',
                'table.action',
                'table.contentType',
                'table.document',
                'table.changes',
              ] as const
            ).map((key) => (
              <Th key={key} role="columnheader">
                <Typography variant="sigma">{t(key)}</Typography>
              </Th>
            ))}
            <Th role="columnheader">
              <VisuallyHidden>{t('table.details')}</VisuallyHidden>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {results.length === 0 ? (
            <Tr>
              <Td colSpan={7}>
                <Typography>{t('table.empty')}</Typography>
              </Td>
            </Tr>
          ) : (
            results.map((entry) => (
              <Tr key={entry.id}>
                <Td>
                  <Typography>
                    <time dateTime={entry.createdAt}>
                      {new Date(entry.createdAt).toLocaleString()}
                    </time>
                  </Typography>
                </Td>
                <Td>
                  <Typography>
                    {entry.actorName ?? entry.actorId ?? '—'} ({entry.actorKind})
                  </Typography>
                </Td>
                <Td>
                  <Typography>{entry.action}</Typography>
                </Td>
                <Td>
                  <Typography>{entry.contentType ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{entry.targetDocumentId ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{Object.keys(entry.diff ?? {}).join(', ') || '—'}</Typography>
                </Td>
                <Td>
                  <RouterLink
                    to={{ pathname: String(entry.id), search }}
                    aria-label={t('table.view', { id: entry.id })}
                  >
                    <Eye aria-hidden />
                  </RouterLink>
                </Td>
              </Tr>
            ))
          )}
        </Tbody>
      </Table>
      <Flex justifyContent="space-between" paddingTop={4}>
        <Typography role="status">
          {t('paging.summary', {
            page: pagination.page,
            pageCount: Math.max(1, pagination.pageCount),
            total: pagination.total,
          })}
        </Typography>
        <Flex gap={2}>
          <Button
            variant="tertiary"
            disabled={pagination.page <= 1}
            onClick={() => onPage(pagination.page - 1)}
          >
            {t('paging.previous')}
          </Button>
          <Button
            variant="tertiary"
            disabled={pagination.page >= pagination.pageCount}
            onClick={() => onPage(pagination.page + 1)}
          >
            {t('paging.next')}
          </Button>
        </Flex>
      </Flex>
    </>
  );
}
