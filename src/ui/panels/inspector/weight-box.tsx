import { useEffect, useRef, useState } from 'react';

/** How long typing may pause before the number typed so far is written. */
export const WEIGHT_COMMIT_PAUSE_MS = 600;

/**
 * A weight's number box. Typing keeps a draft; the value is written once, on Enter, on blur, or after a
 * pause, so typing 80 is one edit and one undo step (not 8, then 80). Escape drops the draft. The draft stays
 * on screen until the YAML shows the written value, so the box never flickers back to the old one.
 */
export function WeightBox({
  value,
  onCommit,
  disabled,
  label,
  edgeId,
}: {
  value: number;
  /** Writes the value; false when nothing was written (refused, or no change), so the draft goes. */
  onCommit: (v: number) => boolean;
  disabled: boolean;
  label: string;
  edgeId: string;
}) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(onCommit);
  latest.current = onCommit;
  useEffect(() => setDraft(undefined), [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (text: string) => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const v = Math.round(Number(text));
    if (text.trim() === '' || !Number.isFinite(v)) return setDraft(undefined);
    const next = Math.min(100, Math.max(0, v));
    if (next === value || !latest.current(next)) setDraft(undefined);
  };

  return (
    <input
      type="number"
      min={0}
      max={100}
      value={draft ?? value}
      aria-label={label}
      data-testid="weight-input"
      data-edge-id={edgeId}
      disabled={disabled}
      onChange={(e) => {
        const text = e.target.value;
        setDraft(text);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => commit(text), WEIGHT_COMMIT_PAUSE_MS);
      }}
      onBlur={() => {
        if (timer.current !== undefined && draft !== undefined) commit(draft);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && draft !== undefined) commit(draft);
        if (e.key === 'Escape') {
          clearTimeout(timer.current);
          timer.current = undefined;
          setDraft(undefined);
        }
      }}
    />
  );
}
