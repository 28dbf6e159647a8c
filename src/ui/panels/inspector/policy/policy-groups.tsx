import { LbFields } from './lb-fields';
import type { GroupProps } from './group-props';
import { OutlierFields, PoolFields } from './limit-fields';
import { TlsFields } from './tls-fields';

/** The four policy groups shared by the host, subset and port levels. */
export function PolicyGroups(props: GroupProps) {
  return (
    <>
      <LbFields {...props} />
      <PoolFields {...props} />
      <OutlierFields {...props} />
      <TlsFields {...props} />
    </>
  );
}
