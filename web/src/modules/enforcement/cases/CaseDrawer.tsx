import { Alert, Button, Descriptions, Drawer, Empty, Skeleton, Space, Steps, Timeline, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useGet } from '../../../api/useGet';
import { useAuth } from '../../../app/auth';
import { formatDate, formatDateTime } from '../../../app/format';
import { useCodeOptions } from '../../dictionary/useCodeOptions';
import { ActModal } from './ActModal';
import { CaseRecordView } from './CaseRecordView';
import { CASE_STATE_LABELS, MAIN_STEPS, PART_LABELS, PARTY_KIND_LABELS, STEP_OF, StateTag } from './labels';
import { MoveModal } from './MoveModal';
import { NoticeModal } from './NoticeModal';
import type { CaseDetail, CaseEvent, CaseMove, CaseState, StoredRecord } from './types';
import { useOfficerOptions } from './useOfficerOptions';

function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section style={{ marginTop: 24 }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}

/** Moves that end a case off the general procedure: shown apart, so the next step is not taken for them. */
const ENDING: CaseState[] = ['not-filed', 'dismissed', 'no-penalty', 'transferred'];

/** The step forward along the general procedure, when nothing blocks it: the one move shown as primary (back to 调查取证 is not). */
const forward = (c: CaseDetail, m: CaseMove) => m.blockers.length === 0 && !ENDING.includes(m.to) && MAIN_STEPS.indexOf(STEP_OF[m.to] ?? m.to) > MAIN_STEPS.indexOf(STEP_OF[c.state] ?? c.state);

const label = (s: string | null) => (s ? (CASE_STATE_LABELS[s as CaseState] ?? s) : '—');

/**
 * The step of the general procedure a case is at. A case that ended off it (不予立案, 撤案, 移送)
 * stays at the last step it reached, marked as stopped there.
 */
function progress(c: CaseDetail): { current: number; stopped: boolean } {
  const at = MAIN_STEPS.indexOf(STEP_OF[c.state] ?? c.state);
  if (at >= 0) return { current: at, stopped: false };
  const reached = c.events.map((e) => MAIN_STEPS.indexOf(e.toState as CaseState));
  return { current: Math.max(0, ...reached), stopped: true };
}

function eventText(e: CaseEvent): ReactNode {
  if (e.kind === 'created') return <Typography.Text strong>登记线索</Typography.Text>;
  if (e.kind === 'recorded') return <Typography.Text strong>记录「{e.part ? (PART_LABELS[e.part] ?? e.part) : '执法事项'}」</Typography.Text>;
  return (
    <>
      <Typography.Text strong>
        {label(e.fromState)} → {label(e.toState)}
      </Typography.Text>
      {e.onDate && <Typography.Text type="secondary">（{e.onDate}）</Typography.Text>}
      {e.opinion && <div>办理意见：{e.opinion}</div>}
    </>
  );
}

/** A case: where it is, what may come next and what blocks it today, what supervision found, its record and 全过程记录. */
export function CaseDrawer({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const { can } = useAuth();
  const handle = can('case:handle');
  const { data: c, reload } = useGet<CaseDetail>(`/enforcement/cases/${id}`);
  const officers = useOfficerOptions();
  const penalties = useCodeOptions('penalty_type');
  const [moving, setMoving] = useState<CaseMove>();
  const [editing, setEditing] = useState<'act' | 'notice'>();
  const record = c?.record as StoredRecord | undefined;
  const penaltyLabel = (code: string) => penalties.find((p) => p.value === code)?.label ?? code;

  const saved = () => {
    setMoving(undefined);
    setEditing(undefined);
    reload();
    onChanged();
  };

  return (
    <Drawer open size={960} title={c ? `行政处罚案件 ${c.caseNo}` : '行政处罚案件'} extra={c && <StateTag state={c.state} />} onClose={onClose}>
      {!c || !record ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="案由" span={2}>
              {c.cause}
            </Descriptions.Item>
            <Descriptions.Item label="当事人">
              {c.partyName}（{PARTY_KIND_LABELS[c.partyKind]}）
            </Descriptions.Item>
            <Descriptions.Item label={c.partyKind === 'organisation' ? '统一社会信用代码' : '公民身份号码'}>{c.partyIdNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="违法行为终了日">{c.actEndDate}</Descriptions.Item>
            <Descriptions.Item label="发现日期">{formatDate(c.discoveredDate)}</Descriptions.Item>
            <Descriptions.Item label="执法事项" span={2}>
              {c.item ? `${c.item.name}（${c.item.code}）` : <Typography.Text type="secondary">尚未确定（决定前须确定）</Typography.Text>}
            </Descriptions.Item>
          </Descriptions>

          <Section title="办案进度">
            <Steps
              size="small"
              current={progress(c).current}
              status={progress(c).stopped ? 'error' : c.state === 'closed' ? 'finish' : 'process'}
              items={MAIN_STEPS.map((s) => ({ title: CASE_STATE_LABELS[s] }))}
            />
            {(progress(c).stopped || STEP_OF[c.state]) && <Typography.Text type="secondary">当前环节：{c.stateLabel}</Typography.Text>}
          </Section>

          <Section title="下一步">
            {c.next.length === 0 ? (
              <Typography.Text type="secondary">暂无：案件已终结</Typography.Text>
            ) : (
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                {c.next.map((m) => (
                  <div key={m.to}>
                    <Button type={forward(c, m) ? 'primary' : 'default'} danger={ENDING.includes(m.to)} disabled={!handle} onClick={() => setMoving(m)}>
                      推进到「{m.label}」
                    </Button>
                    {m.blockers.map((b, i) => (
                      <div key={i}>
                        <Typography.Text type="danger">{b.message}</Typography.Text>
                      </div>
                    ))}
                  </div>
                ))}
              </Space>
            )}
          </Section>

          <Section title="监督提示">
            {c.findings.length === 0 ? (
              <Typography.Text type="secondary">暂无</Typography.Text>
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {c.findings.map((f, i) => (
                  <Alert key={i} type={f.severity === 'alert' ? 'error' : 'warning'} showIcon title={f.message} />
                ))}
              </Space>
            )}
          </Section>

          <Section
            title="案件记录"
            extra={
              handle && (
                <Space>
                  <Button onClick={() => setEditing('act')}>记录调查取证</Button>
                  <Button onClick={() => setEditing('notice')}>记录告知书</Button>
                </Space>
              )
            }
          >
            <CaseRecordView record={record} nameOf={officers.nameOf} penaltyLabel={penaltyLabel} />
          </Section>

          <Section title="全过程记录">
            {c.events.length === 0 ? (
              <Empty description="暂无" />
            ) : (
              <Timeline
                items={c.events.map((e) => ({
                  color: e.kind === 'moved' ? 'blue' : e.kind === 'created' ? 'green' : 'gray',
                  content: (
                    <>
                      {eventText(e)}
                      <div>
                        <Typography.Text type="secondary">
                          {formatDateTime(e.at)}，{e.actorName}
                        </Typography.Text>
                      </div>
                    </>
                  ),
                }))}
              />
            )}
          </Section>
        </>
      )}
      {c && moving && <MoveModal caseId={c.id} move={moving} onClose={() => setMoving(undefined)} onMoved={saved} />}
      {c && record && editing === 'act' && <ActModal detail={c} record={record} officers={officers.options} onClose={() => setEditing(undefined)} onSaved={saved} />}
      {c && record && editing === 'notice' && <NoticeModal detail={c} notice={record.notice} onClose={() => setEditing(undefined)} onSaved={saved} />}
    </Drawer>
  );
}
