import { Button, Checkbox, Space, Tag, Typography } from 'antd';
import type { ShareResourceField } from '../../api/types';

/**
 * Checkboxes for the fields of a resource, by their 数据元 names; masked fields say so. `value` and
 * `onChange` come from the Form.Item it sits in.
 */
export function FieldPicker(props: { fields: readonly ShareResourceField[]; emptyText?: string; value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const { fields, emptyText, value = [], onChange, id } = props;
  if (fields.length === 0) return <Typography.Text type="secondary">{emptyText}</Typography.Text>;
  return (
    <div id={id}>
      <Space size="small" style={{ marginBottom: 6 }}>
        <Button size="small" onClick={() => onChange?.(fields.map((f) => f.id))}>
          全选
        </Button>
        <Button size="small" onClick={() => onChange?.([])}>
          清空
        </Button>
      </Space>
      <Checkbox.Group
        value={value}
        onChange={(v) => onChange?.(v)}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', rowGap: 6 }}
        options={fields.map((f) => ({
          value: f.id,
          label: (
            <>
              {f.name}
              {f.masked && (
                <Tag color="orange" style={{ marginInlineStart: 4, fontSize: 11, lineHeight: '16px', padding: '0 4px' }}>
                  脱敏
                </Tag>
              )}
            </>
          ),
        }))}
      />
    </div>
  );
}
