import { useCallback } from 'react';
import type { Route, VirtualService } from '../../../core/model/types';
import { readRouteForm, writeRouteForm, type RouteForm } from '../../../core/policy/route-form';
import { routeFormErrors } from '../../../core/policy/route-form-errors';
import { useStudioInstance } from '../../store-context';
import { dispatchIntent } from '../../edit/dispatch';
import { Field } from './policy/fields';
import { errorsAt, minimalEdit } from './policy/form-commit';
import { featureSummaries } from './policy/route-summary';
import { FEATURES, formatField, parserFor } from './policy/route-specs';
import { useFormDraft } from './policy/use-form-draft';

/**
 * The features of one http route (timeout, retries, fault, mirror, rewrite, redirect, CORS, headers), each
 * collapsed behind its current value. A valid change rewrites only the field it touched.
 */
export function RouteFeaturesSection({ vs, route }: { vs: VirtualService; route: Route }) {
  const studio = useStudioInstance();
  const base = [...vs.basePath, 'spec', route.protocol, route.index];
  const write = (next: RouteForm) => {
    const intent = minimalEdit(vs.docIndex, base, route.raw, writeRouteForm(next, route.raw));
    if (intent) dispatchIntent(studio, intent);
  };
  const read = useCallback((r: unknown) => readRouteForm(r), []);
  const draft = useFormDraft(route.raw, read, routeFormErrors, write);
  if (route.protocol !== 'http') return null;
  const summaries = featureSummaries(draft.form);
  return (
    <section className="route-features" data-testid="route-features">
      {draft.pending && (
        <p className="policy-pending" data-testid="route-pending">
          Not written yet: fix the fields marked below.{' '}
          <button type="button" className="link" onClick={draft.discard}>
            discard
          </button>
        </p>
      )}
      {FEATURES.map(({ feature, title, fields }) => {
        const off = summaries[feature] === 'off';
        const bad = draft.errors.some((e) =>
          fields.some((s) => e.path.startsWith(s.path.split('.')[0] ?? '')),
        );
        return (
          <details
            key={feature}
            className="route-feature"
            data-testid={`route-feature-${feature}`}
            open={bad || undefined}
          >
            <summary>
              <span className="feature-title">{title}</span>
              <span className={off ? 'feature-value muted' : 'feature-value'}>{summaries[feature]}</span>
            </summary>
            {fields.map((spec) => (
              <Field<unknown>
                key={spec.path}
                label={spec.label}
                testId={`route-${spec.testId}`}
                value={formatField(draft.form, spec)}
                placeholder={spec.placeholder}
                multiline={spec.kind === 'pairs' || spec.kind === 'origins'}
                parse={parserFor(spec.kind)}
                errors={errorsAt(draft.errors, spec.path)}
                onCommit={(v) => draft.set(spec.path, v)}
              />
            ))}
          </details>
        );
      })}
    </section>
  );
}
