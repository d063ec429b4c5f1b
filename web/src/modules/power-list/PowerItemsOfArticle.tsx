import { List, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Page, PowerItem, PowerItemEntry } from '../../api/types';
import { basisRoleLabels, itemKindTags } from './labels';

/** Items shown; an article rarely grounds more than a handful. */
const SHOWN = 50;

interface Citing {
  item: PowerItemEntry;
  /** The bases of the item inside the article: 第四十七条第一款第（二）项 (处罚依据). */
  bases: PowerItem['bases'];
}

/**
 * The items resting on the article or a 款/项 of it (`?element=`), each read for its bases so the
 * drawer can say which part of the article each one cites.
 */
function useItemsCiting(articleId: string) {
  const [state, setState] = useState<{ items?: Citing[]; failed?: boolean; more?: boolean }>({});
  useEffect(() => {
    let current = true;
    (async () => {
      const page = await api.get<Page<PowerItemEntry>>('/power-list/items', { element: articleId, pageSize: SHOWN });
      const details = await Promise.all(page.items.map((i) => api.get<PowerItem>(`/power-list/items/${i.id}`)));
      const inside = (id: string) => id === articleId || id.startsWith(`${articleId}/`);
      const items = page.items.flatMap((item, n) => {
        const bases = (details[n]?.bases ?? []).filter((b) => inside(b.elementId));
        return bases.length > 0 ? [{ item, bases }] : [];
      });
      if (current) setState({ items, more: page.total > SHOWN });
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
      footer={more ? <Typography.Text type="secondary">仅列出前 {SHOWN} 个事项</Typography.Text> : undefined}
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
