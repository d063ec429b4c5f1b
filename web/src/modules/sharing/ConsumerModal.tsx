import { App, Form, Input, Modal, Radio } from 'antd';
import { api } from '../../api/client';
import type { ConsumerAlg, ConsumerBody, ConsumerCreated } from '../../api/types';
import { useSessionUser } from '../../app/auth';
import { useApiError } from '../../app/useApiError';
import { OrgTreeSelect } from '../identity/OrgTreeSelect';
import { algHelp, algLabels } from './labels';
import type { SharingRefs } from './useSharingRefs';

interface ConsumerForm {
  name: string;
  agency?: string;
  orgId?: number | null;
  alg: ConsumerAlg;
  publicKey?: string;
}

export interface NewConsumer extends ConsumerCreated {
  name: string;
  alg: ConsumerAlg;
}

const publicKeyHint: Record<Exclude<ConsumerAlg, 'hmac-sha256'>, string> = {
  ed25519: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----\n或 32 字节公钥的 base64',
  'sm2-sm3': '04 开头的 130 位十六进制未压缩公钥',
};

/**
 * 登记调用方: another agency's system that calls the sharing API, with the unit in charge of it
 * and how it signs. HMAC: the secret is issued here (shown once by the caller of this modal);
 * Ed25519 / SM2: the other side keeps its private key and gives us the public one.
 */
export function ConsumerModal(props: { refs: SharingRefs; onClose: () => void; onCreated: (c: NewConsumer) => void }) {
  const { refs, onClose, onCreated } = props;
  const user = useSessionUser();
  const [form] = Form.useForm<ConsumerForm>();
  const { message } = App.useApp();
  const report = useApiError();
  const alg = Form.useWatch('alg', form) ?? 'hmac-sha256';

  async function save() {
    const v = await form.validateFields();
    const body: ConsumerBody = {
      name: v.name.trim(),
      agency: v.agency?.trim() ?? '',
      orgId: v.orgId ?? null,
      alg: v.alg,
      ...(v.alg === 'hmac-sha256' ? {} : { publicKey: v.publicKey?.trim() ?? '' }),
    };
    try {
      const created = await api.post<ConsumerCreated>('/sharing/consumers', body);
      void message.success(`已登记调用方「${body.name}」`);
      onCreated({ ...created, name: body.name, alg: body.alg });
    } catch (e) {
      report(e, form);
    }
  }

  return (
    <Modal open width={680} title="登记调用方" okText="登记" onOk={() => void save()} onCancel={onClose} maskClosable={false}>
      <Form<ConsumerForm> form={form} name="shareConsumer" layout="vertical" initialValues={{ alg: 'hmac-sha256', orgId: user.orgId }}>
        <Form.Item name="name" label="调用方名称" extra="调用数据的业务系统，名称不能与已登记的重复" rules={[{ required: true, whitespace: true, message: '请输入调用方名称' }, { max: 100 }]}>
          <Input maxLength={100} placeholder="如 西湖区人民法院审判系统" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="agency" label="使用部门" style={{ flex: 1 }} rules={[{ max: 100 }]}>
            <Input maxLength={100} placeholder="如 杭州市西湖区人民法院" />
          </Form.Item>
          <Form.Item
            name="orgId"
            label="对接单位"
            style={{ flex: 1 }}
            extra="负责该调用方的本系统单位，由它代调用方提出申请"
            rules={[{ required: user.dataScope !== 'all', message: '请选择对接单位' }]}
          >
            <OrgTreeSelect tree={refs.tree} allowClear={user.dataScope === 'all'} />
          </Form.Item>
        </div>
        <Form.Item name="alg" label="签名算法" extra={algHelp[alg]} rules={[{ required: true }]}>
          <Radio.Group options={(Object.keys(algLabels) as ConsumerAlg[]).map((a) => ({ value: a, label: algLabels[a] }))} />
        </Form.Item>
        {alg !== 'hmac-sha256' && (
          <Form.Item
            name="publicKey"
            label="对方公钥"
            rules={[
              { required: true, whitespace: true, message: '请粘贴对方提供的公钥' },
              { max: 2000, message: '公钥过长，请检查是否粘贴了私钥或证书链' },
              alg === 'sm2-sm3' ? { pattern: /^\s*04[0-9a-fA-F]{128}\s*$/, message: 'SM2 公钥应为 04 开头的 130 位十六进制' } : { pattern: /PUBLIC KEY|^\s*[A-Za-z0-9+/]{43}=\s*$/, message: '应为 PEM 格式（BEGIN PUBLIC KEY）或 32 字节公钥的 base64' },
            ]}
          >
            <Input.TextArea rows={5} placeholder={publicKeyHint[alg]} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
