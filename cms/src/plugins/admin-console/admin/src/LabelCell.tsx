import { Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { loadLabel, type LabelKind } from './api';
import { useT } from './translate';

/**
 * A list cell showing a name (owner's email, make, model, registration number) or a count in
 * place of the id the row holds; the raw id stays available as the cell's title.
 */
export function LabelCell({ kind, id }: { kind: LabelKind; id: unknown }) {
  const { locale } = useIntl();
  const t = useT();
  const key = id === null || id === undefined || id === '' ? null : String(id);
  const [value, setValue] = useState<string | number | null | undefined>(undefined);

  useEffect(() => {
    let current = true;
    setValue(undefined);
    if (key === null) return;
    loadLabel(kind, key, locale).then(
      (label) => current && setValue(label),
      () => current && setValue(null),
    );
    return () => {
      current = false;
    };
  }, [kind, key, locale]);

  if (key === null) return <Typography textColor="neutral800">-</Typography>;
  if (value === undefined) return <Typography textColor="neutral500">…</Typography>;
  if (value === null) {
    return (
      <Typography textColor="neutral600" title={key}>
        {key} ({t('column.unknown')})
      </Typography>
    );
  }
  return (
    <Typography textColor="neutral800" title={kind === 'vehicleCounts' ? undefined : key}>
      {value}
    </Typography>
  );
}
