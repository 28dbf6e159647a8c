import { useEffect, useMemo, useState } from 'react';
import type { FormError } from '../../../../core/policy/form-error';
import { introducedErrors } from './form-commit';
import { setField } from './form-path';

export interface FormDraft<F> {
  /** What the fields show: the pending draft, or the form read from the YAML. */
  form: F;
  errors: FormError[];
  /** Sets one field; writes the YAML unless that would add an error, else keeps it as a pending draft. */
  set: (path: string, value: unknown) => void;
  pending: boolean;
  discard: () => void;
}

/**
 * A form over a YAML value: invalid changes stay here (shown with their errors, never written); a change
 * that adds no error is written at once, and any edit of the YAML underneath drops the draft.
 */
export function useFormDraft<F extends object>(
  raw: unknown,
  read: (raw: unknown) => F,
  validate: (form: F) => FormError[],
  write: (next: F) => void,
): FormDraft<F> {
  const key = JSON.stringify(raw) ?? '';
  // `key` stands for `raw`'s content: a re-derived but equal value keeps the draft.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const saved = useMemo(() => read(raw), [key, read]);
  const [draft, setDraft] = useState<F | undefined>(undefined);
  useEffect(() => setDraft(undefined), [key]);
  const form = draft ?? saved;
  const errors = validate(form);
  const set = (path: string, value: unknown) => {
    const next = setField(form, path, value);
    if (introducedErrors(validate(saved), validate(next)).length > 0) setDraft(next);
    else {
      setDraft(undefined);
      write(next);
    }
  };
  return { form, errors, set, pending: draft !== undefined, discard: () => setDraft(undefined) };
}
