import * as React from 'react';
import {
  Box,
  Flex,
  Link,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { NavLink, useLocation, useParams } from 'react-router-dom';
import { showValue, type AuditEntry } from '../api';
import { useT, type MessageKey } from '../translate';

/** One entry: who, what, where from, and its before/after diff as the log stored it. */
export function EntryPage() {
  const t = useT();
  const { id } = useParams();
  const { search } = useLocation();
  const { get } = useFetchClient();
  const [state, setState] = React.useState<
    | { status: 'loading' }
    | { status: 'error'; message: string }
    | { status: 'ready'; entry: AuditEntry }
  >({ status: 'loading' });

  React.useEffect(() => {
    let current = true;
    get<{ data: AuditEntry }>(`/audit-log/entries/${encodeURIComponent(id ?? '')}`)
      .then(({ data }) => current && setState({ status: 'ready', entry: data.data }))
      .catch((error: { status?: number; message: string }) => {
        if (!current) return;
        const notFound = (error as { status?: number }).status === 404;
        setState({ status: 'error', message: notFound ? t('entry.notFound') : error.message });
      });
    return () => {
      current = false;
    };
    // t changes identity every render; the entry depends on the id only.
  }, [get, id]);

  const back = (
    <Link tag={NavLink} to={{ pathname: '..', search }} startIcon={<ArrowLeft />}>
      {t('entry.back')}
    </Link>
  );

  if (state.status === 'loading') return <Page.Loading />;
  const title = t('entry.title', { id: id ?? '' });
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} navigationAction={back} />
      <Layouts.Content>
        {state.status === 'error' ? (
          <Page.Error content={state.message} />
        ) : (
          <EntryDetails entry={state.entry} />
        )}
      </Layouts.Content>
    </Page.Main>
  );
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const facts: Array<[MessageKey, React.ReactNode]> = [
    [
      'entry.when',
      <time dateTime={entry.createdAt}>{new Date(entry.createdAt).toLocaleString()}</time>,
    ],
    ['entry.actor', `${entry.actorName ?? entry.actorId ?? '—'} (${entry.actorKind})`],
    ['entry.action', entry.action],
    ['entry.contentType', entry.contentType ?? '—'],
    ['entry.document', entry.targetDocumentId ?? '—'],
    ['entry.locale', entry.targetLocale ?? '—'],
    ['entry.ip', entry.ip ?? '—'],
    ['entry.userAgent', entry.userAgent ?? '—'],
    ['entry.hash', entry.hash],
  ];
  const changes = Object.entries(entry.diff ?? {});
  const absent = t('diff.absent');
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
        <Flex tag="dl" direction="column" alignItems="stretch" gap={3}>
          {facts.map(([key, value]) => (
            <Flex key={key} gap={4} alignItems="baseline">
              <Box tag="dt" minWidth="10rem">
                <Typography fontWeight="bold">{t(key)}</Typography>
              </Box>
              <Box tag="dd" style={{ wordBreak: 'break-all' }}>
                <Typography>{value}</Typography>
              </Box>
            </Flex>
          ))}
        </Flex>
      </Box>
      <Typography tag="h2" variant="delta">
        {t('diff.title')}
      </Typography>
      {changes.length === 0 ? (
        <Typography>{t('diff.none')}</Typography>
      ) : (
        // Header roles: the design system's Th is a plain gridcell, which would leave the old
        // and new values without their column names for screen readers.
        <Table colCount={3} rowCount={changes.length + 1}>
          <VisuallyHidden tag="caption">{t('diff.caption')}</VisuallyHidden>
          <Thead>
            <Tr>
              {(['diff.field', 'diff.before', 'diff.after'] as const).map((key) => (
                <Th key={key} role="columnheader">
                  <Typography variant="sigma">{t(key)}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {changes.map(([field, change]) => (
              <Tr key={field}>
                <Th scope="row" role="rowheader">
                  <Typography fontWeight="bold">{field}</Typography>
                </Th>
                <Td>
                  <Typography tag="del" style={{ whiteSpace: 'pre-wrap' }}>
                    {showValue(change.before, absent)}
                  </Typography>
                </Td>
                <Td>
                  <Typography tag="ins" style={{ whiteSpace: 'pre-wrap' }}>
                    {showValue(change.after, absent)}
                  </Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Flex>
  );
}
