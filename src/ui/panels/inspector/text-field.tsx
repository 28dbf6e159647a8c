import { useEffect, useState } from 'react';

/**
 * A text input that commits on Enter or blur (not per keystroke), so each change is one edit and one undo
 * step; it follows the YAML when the YAML changes underneath.
 */
export function TextField({
  label,
  value,
  onCommit,
  testId,
  placeholder,
}: {
  label: string;
  value: string;
  onCommit: (v: string) => void;
  testId?: string;
  placeholder?: string;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <label>
      {label}
      <input
        type="text"
        value={draft}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(value);
        }}
      />
    </label>
  );
}

/** `k=v, k2=v2` ↔ a label map. */
export function formatLabelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

export function parseLabelText(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/[,\n]/)) {
    const [k, ...rest] = part.split('=');
    const key = k?.trim();
    if (key) out[key] = rest.join('=').trim();
  }
  return out;
}
