import { Tag } from 'antd';
import { hashAlgLabels } from './labels';
import type { HashAlg } from '../../api/types';

export function HashAlgTag({ alg }: { alg: HashAlg }) {
  return <Tag color={alg === 'sm3' ? 'red' : 'blue'}>{hashAlgLabels[alg]}</Tag>;
}
