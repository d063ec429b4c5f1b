import { Divider } from 'antd';
import { NodeWitness } from './NodeWitness';
import { SigningKeys } from './SigningKeys';
import type { LedgerLogDetail } from '../../api/types';
import { Witnesses } from './Witnesses';

/** 密钥与见证: who signs the log, who vouches for it, and this node's own witness key. */
export function KeysTab({ log, onChanged }: { log: LedgerLogDetail; onChanged: () => void }) {
  return (
    <>
      <SigningKeys log={log} onChanged={onChanged} />
      <Divider />
      <Witnesses log={log} onChanged={onChanged} />
      <Divider />
      <NodeWitness />
    </>
  );
}
