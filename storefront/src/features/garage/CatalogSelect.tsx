import type { ChangeEvent } from 'react';
import type { SelectOption } from './catalog-fields';

interface Props {
  /** Both the select's name and its id (error summary links point at `#name`). */
  name: string;
  label: string;
  options: SelectOption[];
  value: string;
  /** The first, empty option: "Choose a make", "Not sure", … */
  placeholder: string;
  onChange: (value: string) => void;
  optionalText?: string;
  error?: string;
  errorPrefix: string;
  disabled?: boolean;
  autoFocus?: boolean;
  busy?: boolean;
}

/** A labelled select with its error, marked up like the portal's text fields. */
export function CatalogSelect(props: Props) {
  const errorId = `${props.name}-error`;
  const change = (event: ChangeEvent<HTMLSelectElement>) => props.onChange(event.target.value);
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={props.name}>
        {props.label}
        {props.optionalText && <span className="optional">{props.optionalText}</span>}
      </label>
      {props.error && (
        <p id={errorId} className="error-message">
          <span className="visually-hidden">{props.errorPrefix}</span> {props.error}
        </p>
      )}
      <select
        id={props.name}
        name={props.name}
        value={props.value}
        onChange={change}
        disabled={props.disabled}
        autoFocus={props.autoFocus}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? errorId : undefined}
        aria-busy={props.busy ? 'true' : undefined}
      >
        <option value="">{props.placeholder}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
