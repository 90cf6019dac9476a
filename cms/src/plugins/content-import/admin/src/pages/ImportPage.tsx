import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useT } from '../translate';

type Kind = 'news' | 'recalls';

/** The documented columns (the news domain's IMPORT_COLUMNS); `*_ne` are the Nepali texts. */
const COLUMNS: Record<Kind, string> = {
  news: 'slug, title_en*, title_ne, summary_en, summary_ne, body_en, body_ne, tags (a|b), publish (yes/no)',
  recalls:
    'campaign_id*, title_en*, title_ne, summary_en, summary_ne, remedy_en, remedy_ne, make* (name or slug), model, year_from*, year_to*, severity* (low|medium|high|critical), source_url, tags (a|b), publish (yes/no)',
};

interface Report {
  kind: Kind;
  created: number;
  published: number;
  rejected: Array<{ line: number; errors: Array<{ column: string; message: string }> }>;
}

/** Choose the kind, pick a CSV file, import, read the report. */
export function ImportPage() {
  const t = useT();
  const { post } = useFetchClient();
  const [kind, setKind] = React.useState<Kind>('news');
  const [file, setFile] = React.useState<File | null>(null);
  const [running, setRunning] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [report, setReport] = React.useState<Report | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setReport(null);
    if (!file) {
      setError(t('form.noFile'));
      return;
    }
    setRunning(true);
    try {
      const csv = await file.text();
      const { data } = await post<{ data: Report }>(`/content-import/import`, { kind, csv });
      setReport(data.data);
    } catch (caught) {
      const message =
        (caught as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error
          ?.message ?? (caught as Error).message;
      setError(t('error.failed', { message }));
    } finally {
      setRunning(false);
    }
  }

  return (
    <Page.Main>
      <Page.Title>{t('page.title')}</Page.Title>
      <Layouts.Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
          <form onSubmit={submit}>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="kind">
                <Field.Label>{t('form.kind')}</Field.Label>
                <SingleSelect
                  value={kind}
                  onChange={(value: string | number) => setKind(value as Kind)}
                >
                  <SingleSelectOption value="news">{t('kind.news')}</SingleSelectOption>
                  <SingleSelectOption value="recalls">{t('kind.recalls')}</SingleSelectOption>
                </SingleSelect>
              </Field.Root>
              <Field.Root name="file" hint={t('form.file.hint', { columns: COLUMNS[kind] })}>
                <Field.Label>{t('form.file')}</Field.Label>
                <input
                  id="content-import-file"
                  type="file"
                  accept=".csv,text/csv"
                  onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                />
                <Field.Hint />
              </Field.Root>
              <Box>
                <Button type="submit" loading={running} disabled={running}>
                  {running ? t('form.running') : t('form.submit')}
                </Button>
              </Box>
              {error ? (
                <Typography textColor="danger600" role="alert">
                  {error}
                </Typography>
              ) : null}
            </Flex>
          </form>
        </Box>
        {report ? (
          <Box marginTop={6} background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Typography variant="beta" tag="h2">
                {t('report.title')}
              </Typography>
              <Typography role="status">
                {t('report.created', { created: report.created, published: report.published })}
              </Typography>
              {report.rejected.length === 0 ? (
                <Typography>{t('report.none')}</Typography>
              ) : (
                <>
                  <Typography>{t('report.rejected', { count: report.rejected.length })}</Typography>
                  <Table colCount={3} rowCount={report.rejected.length + 1}>
                    <Thead>
                      <Tr>
                        <Th>
                          <Typography variant="sigma">{t('column.line')}</Typography>
                        </Th>
                        <Th>
                          <Typography variant="sigma">{t('column.column')}</Typography>
                        </Th>
                        <Th>
                          <Typography variant="sigma">{t('column.reason')}</Typography>
                        </Th>
                      </Tr>
                    </Thead>
                    <Tbody>
                      {report.rejected.flatMap((row) =>
                        row.errors.map((problem, index) => (
                          <Tr key={`${row.line}:${index}`}>
                            <Td>
                              <Typography>{index === 0 ? row.line : ''}</Typography>
                            </Td>
                            <Td>
                              <Typography>{problem.column}</Typography>
                            </Td>
                            <Td>
                              <Typography>{problem.message}</Typography>
                            </Td>
                          </Tr>
                        )),
                      )}
                    </Tbody>
                  </Table>
                </>
              )}
            </Flex>
          </Box>
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
}
