import { Typography, type TableColumnType } from 'antd';
import { FieldTags } from './FieldTags';
import type { SharingRefs } from './useSharingRefs';

/** What a request and a grant have in common: who asks, for which resource, which fields. */
interface ConsumerResourceRow {
  consumerId: number;
  consumerName: string;
  resourceCode: string;
  resourceName: string;
  fields: string[];
}

/** 调用方: the consumer's name with its agency underneath. */
export function consumerColumn<T extends ConsumerResourceRow>(refs: SharingRefs): TableColumnType<T> {
  return {
    title: '调用方',
    dataIndex: 'consumerName',
    width: 190,
    render: (_, row) => {
      const agency = refs.consumerById.get(row.consumerId)?.agency;
      return (
        <>
          {row.consumerName}
          {agency && (
            <>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {agency}
              </Typography.Text>
            </>
          )}
        </>
      );
    },
  };
}

/** 资源与信息项: the resource's name over its fields; `plainOf` names the fields handed out unmasked. */
export function resourceColumn<T extends ConsumerResourceRow>(refs: SharingRefs, plainOf?: (row: T) => readonly string[]): TableColumnType<T> {
  return {
    title: '资源与信息项',
    dataIndex: 'fields',
    width: 280,
    render: (_, row) => (
      <>
        <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
          {row.resourceName}
        </Typography.Text>
        <FieldTags fields={row.fields} plain={plainOf?.(row)} resource={refs.resourceByCode.get(row.resourceCode)} />
      </>
    ),
  };
}
