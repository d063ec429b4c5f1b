import { Typography } from 'antd';
import { formatCount } from '../../app/format';
import { keyKindLabels } from './labels';
import { NoteBlock } from './NoteBlock';
import { prettyJson } from './prettyJson';
import type { KeyKind, LedgerEntryDetail } from '../../api/types';

type Typed = { type?: string; payload?: Record<string, unknown> };

function parse(body: string): Typed | undefined {
  try {
    return JSON.parse(body) as Typed;
  } catch {
    return undefined;
  }
}

/** One sentence on what an entry tianping wrote says, for the types it knows. */
function gist(typed: Typed): string | undefined {
  const p = typed.payload ?? {};
  if (typed.type === 'audit.batch' && Array.isArray(p.ids) && p.ids.length > 0) {
    const ids = p.ids as number[];
    return `这条记录保存了 ${formatCount(ids.length)} 条审计记录（#${ids[0]} 至 #${ids.at(-1)}）的指纹：之后任何一条被删除或修改，校验时都会指出。`;
  }
  if (typed.type === 'ledger.key-rotated' && typeof p.kind === 'string') {
    return `这条记录宣布更换${keyKindLabels[p.kind as KeyKind] ?? p.kind}密钥：旧公钥停用，新公钥（active）从此签发检查点。`;
  }
  return undefined;
}

/** The content of an entry: typed entries as indented JSON, raw ones as hex. */
export function EntryBody({ entry }: { entry: LedgerEntryDetail }) {
  const typed = entry.kind === 'typed' ? parse(entry.body) : undefined;
  const said = typed && gist(typed);
  return (
    <>
      {said && <Typography.Paragraph>{said}</Typography.Paragraph>}
      <NoteBlock text={typed ? prettyJson(typed) : entry.body} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {entry.kind === 'typed' ? '存储为规范化 JSON（RFC 8785），此处缩进显示' : '原始数据，十六进制显示'}，共 {formatCount(entry.size)} 字节
      </Typography.Text>
    </>
  );
}
