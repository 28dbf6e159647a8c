import type { PolicyFields, TrafficPolicyForm } from '../../../../core/policy/traffic-policy';
import { errorsAt } from './form-commit';
import type { FormDraft } from './use-form-draft';

/** What every policy field group gets: its fields, where they sit in the form, and a testid prefix. */
export interface GroupProps {
  f: PolicyFields;
  /** `''` at the host or subset level, `portLevelSettings[i].` for a port. */
  at: string;
  /** `policy` at the host or subset level, `policy-port-<number>` for a port. */
  tid: string;
  draft: FormDraft<TrafficPolicyForm>;
}

/** Field helpers relative to the group's place in the form. */
export function bind({ at, tid, draft }: GroupProps) {
  return {
    err: (path: string) => errorsAt(draft.errors, at + path),
    set: (path: string, value: unknown) => draft.set(at + path, value),
    id: (name: string) => `${tid}-${name}`,
  };
}
