import { useEffect, useState } from 'react';
import type { Parsed } from './parse-input';

function Errors({ messages, testId }: { messages: string[]; testId: string | undefined }) {
  if (messages.length === 0) return null;
  return (
    <span className="field-error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
      {messages.join(' ')}
    </span>
  );
}

/**
 * A text input that commits on Enter or blur; text it cannot read (a word in a number field) is shown
 * as an error and not committed. `errors` are the form's messages about this field.
 */
export function Field<T>({
  label,
  testId,
  value,
  parse,
  onCommit,
  errors = [],
  placeholder,
  multiline = false,
  list,
}: {
  label: string;
  testId?: string;
  value: string;
  parse: (text: string) => Parsed<T>;
  onCommit: (v: T | undefined) => void;
  errors?: string[];
  placeholder?: string;
  multiline?: boolean;
  list?: string;
}) {
  const [draft, setDraft] = useState(value);
  const [bad, setBad] = useState<string | undefined>(undefined);
  useEffect(() => {
    setDraft(value);
    setBad(undefined);
  }, [value]);
  const commit = () => {
    if (draft === value && bad === undefined) return;
    const p = parse(draft);
    if ('error' in p) return setBad(p.error);
    setBad(undefined);
    onCommit(p.value);
  };
  const shown = bad ? [bad] : errors;
  const common = {
    value: draft,
    placeholder,
    'data-testid': testId,
    'aria-invalid': shown.length > 0,
    onBlur: commit,
  };
  return (
    <label className="policy-field">
      {label}
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <input
          type="text"
          {...common}
          list={list}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(value);
          }}
        />
      )}
      <Errors messages={shown} testId={testId} />
    </label>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A select that commits on change; a value it does not list (a newer Istio's) is shown as is. */
export function SelectField({
  label,
  testId,
  value,
  options,
  onChange,
  errors = [],
}: {
  label: string;
  testId?: string;
  value: string;
  options: Option[];
  onChange: (v: string) => void;
  errors?: string[];
}) {
  const all = options.some((o) => o.value === value) ? options : [...options, { value, label: value }];
  return (
    <label className="policy-field">
      {label}
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        {all.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Errors messages={errors} testId={testId} />
    </label>
  );
}

export function CheckField({
  label,
  testId,
  checked,
  onChange,
}: {
  label: string;
  testId?: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="inline policy-check">
      <input
        type="checkbox"
        checked={checked}
        data-testid={testId}
        onChange={(e) => onChange(e.target.checked)}
      />{' '}
      {label}
    </label>
  );
}
