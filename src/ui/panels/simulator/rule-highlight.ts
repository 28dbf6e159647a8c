import type { editor } from 'monaco-editor';
import { useEffect } from 'react';
import type { SimRuleRef } from '../../../core/simulate/types';
import { useSettledDerived, useStudioInstance } from '../../store-context';
import { ruleRange } from './rule-range';

/**
 * Marks the matched rule's lines in the YAML pane while a trace is on (a Monaco decoration), and scrolls them
 * into view once per run (`runKey` changes), not on every edit of the text.
 */
export function useRuleHighlight(rule: SimRuleRef | undefined, runKey: unknown): void {
  const { parsed } = useSettledDerived();
  const { editor: bridge } = useStudioInstance();
  const range = rule ? ruleRange(parsed, rule) : undefined;
  const start = range?.[0];
  const end = range?.[1];
  useEffect(() => {
    const ed = bridge.get();
    const model = ed?.getModel();
    if (!ed || !model || start === undefined || end === undefined) return;
    const a = model.getPositionAt(start);
    const b = model.getPositionAt(end);
    const decoration: editor.IModelDeltaDecoration = {
      range: {
        startLineNumber: a.lineNumber,
        startColumn: 1,
        endLineNumber: b.lineNumber,
        endColumn: 1,
      },
      options: {
        isWholeLine: true,
        className: 'sim-rule-line',
        linesDecorationsClassName: 'sim-rule-gutter',
        overviewRuler: { color: '#e0861a', position: 4 },
      },
    };
    const collection = ed.createDecorationsCollection([decoration]);
    return () => collection.clear();
  }, [bridge, start, end]);
  const ruleId = rule?.id;
  useEffect(() => {
    const ed = bridge.get();
    const model = ed?.getModel();
    if (!ed || !model || ruleId === undefined || start === undefined || end === undefined) return;
    const a = model.getPositionAt(start).lineNumber;
    const b = model.getPositionAt(end).lineNumber;
    ed.revealLinesInCenterIfOutsideViewport(a, b);
    // Only a new run or another matched rule scrolls; offsets shift with every edit above the rule.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ruleId, runKey]);
}
