import { useEffect, useRef, useState } from 'react';
import { interpolate } from '~/i18n/translate';
import { CatalogSelect } from './CatalogSelect';
import {
  CHOOSE_MAKE,
  CHOOSE_MODEL,
  modelOptions,
  numberFormat,
  type CatalogField,
  type CatalogFieldsText,
  type ModelChoice,
  type SelectOption,
} from './catalog-fields';
import { paths } from '~/lib/paths';

interface Props {
  locale: string;
  /** The page's digits (`deva` in Nepali), as the server resolved them for the locale. */
  numberingSystem: string;
  text: CatalogFieldsText;
  makes: SelectOption[];
  /** Models of the chosen make. */
  models: SelectOption[];
  /** The chosen model, when there is one. */
  model?: ModelChoice;
  values: Record<CatalogField, string>;
  errors: Partial<Record<CatalogField, string>>;
  /** The select to focus on arrival (after a step of the server flow). */
  focus?: 'modelId' | 'year';
}

type Status = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done'; message: string };

async function fetchData<T>(path: string, locale: string): Promise<T> {
  const response = await fetch(`${path}?${new URLSearchParams({ locale })}`, {
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`catalog answered ${response.status}`);
  return ((await response.json()) as { data: T }).data;
}

/**
 * Make → model → year → trim → fuel selects of the vehicle form. Rendered on the server, it
 * works without JavaScript: the "Show models" and "Show years and trims" buttons post the form
 * back for the next options. Once hydrated, it drops those buttons and fetches the options
 * from the portal's catalog endpoints as the owner chooses; if a fetch fails, the buttons
 * come back.
 */
export default function VehicleCatalogFields(props: Props) {
  const { locale, numberingSystem, text } = props;
  const [enhanced, setEnhanced] = useState(false);
  const [values, setValues] = useState(props.values);
  const [models, setModels] = useState(props.models);
  const [model, setModel] = useState(props.model);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // Only the latest request may update the options: a slow answer for an earlier choice is dropped.
  const latest = useRef(0);

  useEffect(() => setEnhanced(true), []);

  const load = async <T,>(path: string, apply: (data: T) => string) => {
    const request = ++latest.current;
    setStatus({ kind: 'loading' });
    try {
      const data = await fetchData<T>(path, locale);
      if (request === latest.current) setStatus({ kind: 'done', message: apply(data) });
    } catch {
      if (request !== latest.current) return;
      setStatus({ kind: 'done', message: text.loadFailed });
      setEnhanced(false);
    }
  };

  const chooseMake = (makeId: string) => {
    setValues({ makeId, modelId: '', year: '', trimId: '', fuel: '' });
    setModels([]);
    setModel(undefined);
    if (!makeId) return setStatus({ kind: 'idle' });
    void load<Array<{ id: string; name: string }>>(paths.catalogModelsOfMake(makeId), (data) => {
      setModels(data.map((option) => ({ value: option.id, label: option.name })));
      return interpolate(text.modelsShown, {
        count: numberFormat(locale, numberingSystem).format(data.length),
      });
    });
  };

  const chooseModel = (modelId: string) => {
    setValues((current) => ({ ...current, modelId, year: '', trimId: '', fuel: '' }));
    setModel(undefined);
    if (!modelId) return setStatus({ kind: 'idle' });
    void load<ModelChoice>(paths.catalogModel(modelId), (data) => {
      setModel(data);
      return interpolate(text.yearsShown, { model: data.name });
    });
  };

  const choose = (field: CatalogField) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const yearFormat = numberFormat(locale, numberingSystem, { useGrouping: false });
  const options = modelOptions(model, yearFormat, text.fuels);
  const loading = status.kind === 'loading';
  const common = { errorPrefix: text.errorPrefix, busy: loading };
  const stepButton = (intent: string, label: string) =>
    enhanced ? null : (
      <button type="submit" name="intent" value={intent} className="button button-secondary">
        {label}
      </button>
    );

  return (
    <fieldset className="catalog-fields" aria-describedby="catalog-hint">
      <legend>{text.legend}</legend>
      <p id="catalog-hint" className="hint">
        {text.hint}
      </p>
      <CatalogSelect
        {...common}
        name="makeId"
        label={text.make}
        options={props.makes}
        value={values.makeId}
        placeholder={text.chooseMake}
        onChange={chooseMake}
        error={props.errors.makeId}
      />
      {stepButton(CHOOSE_MAKE, text.showModels)}
      <CatalogSelect
        {...common}
        name="modelId"
        label={text.model}
        options={models}
        value={values.modelId}
        placeholder={values.makeId ? text.chooseModel : text.chooseMakeFirst}
        onChange={chooseModel}
        error={props.errors.modelId}
        disabled={models.length === 0}
        autoFocus={props.focus === 'modelId'}
      />
      {stepButton(CHOOSE_MODEL, text.showYears)}
      <CatalogSelect
        {...common}
        name="year"
        label={text.year}
        options={options.years}
        value={values.year}
        placeholder={model ? text.chooseYear : text.chooseModelFirst}
        onChange={choose('year')}
        error={props.errors.year}
        disabled={!model}
        autoFocus={props.focus === 'year'}
      />
      <CatalogSelect
        {...common}
        name="trimId"
        label={text.trim}
        optionalText={text.optional}
        options={options.trims}
        value={values.trimId}
        placeholder={model ? text.notSure : text.chooseModelFirst}
        onChange={choose('trimId')}
        error={props.errors.trimId}
        disabled={!model}
      />
      <CatalogSelect
        {...common}
        name="fuel"
        label={text.fuel}
        optionalText={text.optional}
        options={options.fuels}
        value={values.fuel}
        placeholder={model ? text.notSure : text.chooseModelFirst}
        onChange={choose('fuel')}
        error={props.errors.fuel}
        disabled={!model}
      />
      <p className="hint" role="status">
        {status.kind === 'loading' ? text.loading : status.kind === 'done' ? status.message : ''}
      </p>
    </fieldset>
  );
}
