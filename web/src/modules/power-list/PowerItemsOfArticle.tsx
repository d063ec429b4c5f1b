import { List, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Page, PowerItem, PowerItemEntry } from '../../api/types';
import { lawIdOf } from '../laws/ids';
import { basisRoleLabels, itemKindTags } from './labels';

/** At most this many items citing the law are read to find those citing the article. */
const SCAN = 100;

interface Citing {
  item: PowerItemEntry;
  /** The bases of the item inside the article: 第四十七条第一款第（二）项 (处罚依据). */
  bases: PowerItem['bases'];
}

/**
 * The power list's items reads only by law (`?law=`), not by element: the items citing the law
 * version are read one by one and kept when a basis is the article or inside it. Fine for the
 * dozens of items one law has; a server-side `element` filter would make it one call.
 */
function useItemsCiting(articleId: string) {
  const [state, setState] = useState<{ items?: Citing[]; failed?: boolean; more?: boolean }>({});
  useEffect(() => {
    let current = true;
    (async () => {
      const page = await api.get<Page<PowerItemEntry>>('/power-list/items', { law: lawIdOf(articleId), pageSize: SCAN });
      const details = await Promise.all(page.items.map((i) => api.get<PowerItem>(`/power-list/items/${i.id}`)));
      const inside = (id: string) => id === articleId || id.startsWith(`${articleId}/`);
      const items = page.items.flatMap((item, n) => {
        const bases = (details[n]?.bases ?? []).filter((b) => inside(b.elementId));
        return bases.length > 0 ? [{ item, bases }] : [];
      });
      if (current) setState({ items, more: page.total > SCAN });
    })().catch(() => current && setState({ failed: true }));
    return () => {
      current = false;
    };
  }, [articleId]);
  return state;
}

/** 执法事项 whose legal basis is this article or a 款/项 of it, each a link to the power list. */
export function PowerItemsOfArticle({ articleId }: { articleId: string }) {
  const { items, failed, more } = useItemsCiting(articleId);
  if (failed) return <Typography.Text type="secondary">执法事项暂时无法读取</Typography.Text>;
  if (!items) return <Spin size="small" />;
  if (items.length === 0) return <Typography.Text type="secondary">权责清单中暂无以本条为依据的执法事项</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={items}
      footer={more ? <Typography.Text type="secondary">仅核对了引用该法规的前 {SCAN} 个事项</Typography.Text> : undefined}
      renderItem={({ item, bases }) => (
        <List.Item style={{ display: 'block' }}>
          <Space wrap size={8}>
            <Typography.Text code>{item.code}</Typography.Text>
            <Link to={`/power-list?item=${item.id}`}>{item.name}</Link>
            <Tag color={itemKindTags[item.kind]}>{item.kind}</Tag>
          </Space>
          <div style={{ marginTop: 2 }}>
            {bases.map((b) => (
              <Typography.Text key={b.elementId} type="secondary" style={{ marginInlineEnd: 12, fontSize: 12 }}>
                {basisRoleLabels[b.role]}：{b.label}
              </Typography.Text>
            ))}
          </div>
        </List.Item>
      )}
    />
  );
}
