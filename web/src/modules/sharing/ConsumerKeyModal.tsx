import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Descriptions, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { copyText } from './copyText';
import { algLabels } from './labels';
import type { NewConsumer } from './ConsumerModal';

/**
 * What a newly registered consumer needs to sign: its key id and, for HMAC, the secret — shown
 * here once and never again (the server keeps it sealed). Closing asks the user to confirm it is saved.
 */
export function ConsumerKeyModal({ consumer, onClose }: { consumer: NewConsumer; onClose: () => void }) {
  const { message } = App.useApp();
  const [saved, setSaved] = useState(false);
  const secret = consumer.secret;

  async function copy(text: string, what: string) {
    if (await copyText(text)) void message.success(`已复制${what}`);
    else void message.error(`无法自动复制${what}，请手动选中复制`);
  }

  return (
    <Modal
      open
      width={680}
      title={`调用方已登记：${consumer.name}`}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button type="primary" disabled={Boolean(secret) && !saved} onClick={onClose}>
          完成
        </Button>
      }
    >
      {secret ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="密钥只显示这一次"
          description="关闭本窗口后，任何人（包括管理员）都无法再次查看该密钥。请立即复制，通过安全渠道交给对方系统的负责人；遗失后只能停用此调用方并重新登记。"
        />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="对方用自己的私钥签名"
          description="请把下面的密钥 ID 告知对方：签名参数 keyid 填写它。本系统只保存对方的公钥。"
        />
      )}
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 140 } }}>
        <Descriptions.Item label="密钥 ID（keyid）">
          <Space>
            <Typography.Text code data-testid="consumer-key-id">
              {consumer.keyId}
            </Typography.Text>
            <Button size="small" icon={<CopyOutlined />} onClick={() => void copy(consumer.keyId, '密钥 ID')}>
              复制
            </Button>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="签名算法">{algLabels[consumer.alg]}</Descriptions.Item>
        {secret && (
          <Descriptions.Item label="密钥">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text code strong style={{ fontSize: 15, wordBreak: 'break-all' }} data-testid="consumer-secret">
                {secret}
              </Typography.Text>
              <Button type="primary" icon={<CopyOutlined />} onClick={() => void copy(secret, '密钥')}>
                复制密钥
              </Button>
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      {secret && (
        <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} style={{ marginTop: 16 }}>
          我已复制并妥善保存密钥
        </Checkbox>
      )}
    </Modal>
  );
}
