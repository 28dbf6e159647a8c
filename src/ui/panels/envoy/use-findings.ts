import { useEffect, useState } from 'react';
import type { Env, Proxy } from '../../../core/envoy';
import type { MeshModel } from '../../../core/model/types';
import { envoyFindings, type ViewFinding } from './envoy-findings';

// Long enough to skip the keystrokes of a word, short enough to feel live.
const PAUSE_MS = 200;

/**
 * The findings of this proxy, computed once typing pauses: they cost several times the tables on a big mesh
 * (~0.3 s at 2,000 resources), which would hold every keystroke. The last ones stay shown meanwhile.
 */
export function useFindings(model: MeshModel, proxy: Proxy | undefined, env: Env): ViewFinding[] {
  const [findings, setFindings] = useState<ViewFinding[]>([]);
  useEffect(() => {
    if (!proxy) {
      setFindings([]);
      return;
    }
    const id = setTimeout(() => setFindings(envoyFindings(model, proxy, env)), PAUSE_MS);
    return () => clearTimeout(id);
  }, [model, proxy, env]);
  return findings;
}
