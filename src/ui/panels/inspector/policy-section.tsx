import { useCallback } from 'react';
import type { DestinationRule } from '../../../core/model/types';
import {
  readTrafficPolicy,
  writeTrafficPolicy,
  type TrafficPolicyForm,
} from '../../../core/policy/traffic-policy';
import { useStudioInstance } from '../../store-context';
import { dispatchIntent } from '../../edit/dispatch';
import { minimalEdit } from './policy/form-commit';
import { policyErrors } from './policy/lb-model';
import { PolicyGroups } from './policy/policy-groups';
import { PortsFields } from './policy/ports-fields';
import { useFormDraft } from './policy/use-form-draft';

/**
 * The traffic policy of a DestinationRule (host level) or of one of its subsets, with port-level settings.
 * Each valid change is one minimal edit of the YAML; an invalid one stays in the form with its error.
 */
export function PolicySection({ dr, subset }: { dr: DestinationRule; subset: string | undefined }) {
  const studio = useStudioInstance();
  const sub = subset === undefined ? undefined : dr.subsets.find((s) => s.name === subset);
  const raw = sub ? sub.trafficPolicy : dr.trafficPolicy;
  const base = [...dr.basePath, 'spec', ...(sub ? ['subsets', sub.index] : []), 'trafficPolicy'];
  const write = (next: TrafficPolicyForm) => {
    const intent = minimalEdit(dr.docIndex, base, raw, writeTrafficPolicy(next, raw));
    if (intent) dispatchIntent(studio, intent);
  };
  const read = useCallback((r: unknown) => readTrafficPolicy(r), []);
  const draft = useFormDraft(raw, read, policyErrors, write);
  if (subset !== undefined && !sub) return null;
  return (
    <section className="policy-section" data-testid="policy-section">
      <h3>Traffic policy{sub ? ` of subset ${sub.name}` : ''}</h3>
      {draft.pending && (
        <p className="policy-pending" data-testid="policy-pending">
          Not written yet: fix the fields marked below.{' '}
          <button type="button" className="link" onClick={draft.discard}>
            discard
          </button>
        </p>
      )}
      <PolicyGroups f={draft.form} at="" tid="policy" draft={draft} />
      <PortsFields
        draft={draft}
        onAdd={(port) =>
          dispatchIntent(studio, { type: 'setTrafficPolicy', drRef: dr.ref, subset, port, policy: {} })
        }
        onRemove={(port) =>
          dispatchIntent(
            studio,
            (draft.form.portLevelSettings ?? []).length > 1
              ? { type: 'setTrafficPolicy', drRef: dr.ref, subset, port, policy: undefined }
              : {
                  type: 'setValue',
                  docIndex: dr.docIndex,
                  path: [...base, 'portLevelSettings'],
                  value: undefined,
                },
          )
        }
      />
    </section>
  );
}
