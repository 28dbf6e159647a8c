import { useMemo } from 'react';
import { LineIndex } from '../../core/yaml/line-index';
import { useSettledDerived, useStudioInstance } from '../store-context';

/** While the text does not parse, the last good graph stays (dimmed) and this banner says why. */
export function ParseBanner() {
  const d = useSettledDerived();
  const studio = useStudioInstance();
  const first = d.parseErrors[0];
  const pos = useMemo(() => (first ? new LineIndex(d.text).at(first.start) : undefined), [first, d.text]);
  if (!first || !pos) return null;
  const more = d.parseErrors.length - 1;
  return (
    <div
      className="parse-error"
      data-testid="parse-error"
      role="alert"
      onClick={() => studio.reveal(first.start, first.end)}
    >
      <strong>
        Line {pos.line}, column {pos.col}:
      </strong>{' '}
      {first.message}
      {more > 0 && ` (and ${more} more)`}. The canvas shows the last version that parsed; canvas edits wait
      until the text parses.
    </div>
  );
}
