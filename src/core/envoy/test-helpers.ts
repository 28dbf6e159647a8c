// Shared by the envoy tests: real Istio samples from test/fixtures/corpus, read from disk.
import { readFileSync } from 'node:fs';
import { derive } from '../derive';
import type { MeshModel } from '../model/types';

const BOOKINFO = 'test/fixtures/corpus/istio/samples/bookinfo/';

export function bookinfoText(...networking: string[]): string {
  const files = [
    `${BOOKINFO}platform/kube/bookinfo.yaml`,
    ...networking.map((n) => `${BOOKINFO}networking/${n}.yaml`),
  ];
  return files.map((f) => readFileSync(f, 'utf8')).join('\n---\n');
}

export function modelOf(text: string): MeshModel {
  return derive(text).model;
}
