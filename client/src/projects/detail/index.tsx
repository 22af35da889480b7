import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { parkTimeText } from '../../../../shared/common/time';
import { PROJECTS } from '../../../../shared/projects/config';
import type { ProjectView } from '../../../../shared/projects/contract';
import { call } from '../../common/call';
import { FieldError, detailsOrForm } from '../../common/form';
import { parkToday } from '../../common/today';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { MilestoneTag, StatusTag, landingText } from '../lib';
import { CorrectMilestone } from './Correct';
import { StopProject } from './Stop';

interface PlanRow {
  key: string | null;
  name: string;
  planned: string | null;
  /** Reached: its place and planned date are fixed. */
  fixed: boolean;
}

const rowsOf = (v: ProjectView): PlanRow[] => v.milestones.map((m) => ({ key: m.key, name: m.name, planned: m.planned, fixed: m.actual !== null }));

/** The project's name, where it stands, its landing cycle; a stopped project says so. */
function ProjectHead({ v }: { v: ProjectView }) {
  return (
    <View className='page-hd'>
      <View className='page-title' id='project-name'>
        {v.name} <StatusTag status={v.status} stopped={v.stopped} id='project-status' />
      </View>
      <View className='page-desc'>
        {v.enterpriseName ?? ''} · {v.status.stage}
      </View>
      <View className='page-desc' id='project-landing'>
        {landingText(v.landingDays, v.baselineDays)}
      </View>
      {v.stopped && (
        <View className='page-desc text-red' id='project-stopped'>
          该项目已终止：未完成的节点不再计算，不能认领和填报；已完成节点的计分不变。
        </View>
      )}
    </View>
  );
}

/** Below the owners: the admin stops or restores the project; anyone else may claim it or give it up while it runs. */
function ProjectActions(p: { v: ProjectView; isAdmin: boolean; onClaim: () => void; onSaved: (v: ProjectView) => void }) {
  const { v } = p;
  if (p.isAdmin) return <StopProject v={v} onSaved={p.onSaved} />;
  if (v.stopped) return null;
  return (
    <View className='btn-area'>
      <Button className={`btn ${v.claimedByMe ? 'btn-default' : 'btn-primary'}`} id='project-claim' onClick={p.onClaim}>
        {v.claimedByMe ? '取消认领' : '认领此项目'}
      </Button>
    </View>
  );
}

/**
 * One key project: its milestones against plan (按期完成 / 滞后N天 …), the landing cycle against the park's baseline,
 * its owners and log. An owner records the day the next milestone was reached; the admin redraws the plan.
 */
export default function ProjectDetail() {
  const { params } = useRouter();
  const projectId = params.id ?? '';
  const page = usePageData('projects', 'get', projectId ? { projectId } : null);
  const isAdmin = usePageData('members', 'me', {}).data?.roles.includes('admin') ?? false;
  const today = parkToday();
  const [reachOn, setReachOn] = useState(today);
  const [note, setNote] = useState('');
  const [plan, setPlan] = useState<PlanRow[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const v = page.data;
  const next = v?.status.next ?? null;

  const reach = async () => {
    if (!v || !next || busy) return;
    setBusy(true);
    const r = await call('projects', 'reach', { projectId, key: next.key, actual: reachOn, note });
    setBusy(false);
    if (r.code === 0) {
      page.setData(r.data);
      setNote('');
      setErrors({});
      void Taro.showToast({ title: '已填报', icon: 'success' });
    } else setErrors(detailsOrForm(r));
  };

  const savePlan = async () => {
    if (!plan || busy) return;
    setBusy(true);
    const r = await call('projects', 'plan', { projectId, milestones: plan.map(({ key, name, planned }) => ({ key, name, planned })) });
    setBusy(false);
    if (r.code === 0) {
      page.setData(r.data);
      setPlan(null);
      setErrors({});
      void Taro.showToast({ title: '计划已保存', icon: 'success' });
    } else setErrors(detailsOrForm(r));
  };

  const claim = async () => {
    if (!v) return;
    const r = await call('projects', 'claim', { projectId, claim: !v.claimedByMe });
    if (r.code === 0) void page.reload();
    else void Taro.showModal({ title: '操作未成功', content: r.message, showCancel: false });
  };

  const setRow = (i: number, patch: Partial<PlanRow>) => setPlan((p) => (p ? p.map((row, j) => (j === i ? { ...row, ...patch } : row)) : p));

  return (
    <View className='page' id='project-page'>
      <LoadStatus page={page} />
      {v && (
        <>
          <ProjectHead v={v} />

          {plan === null ? (
            <>
              <View className='cells-title'>项目节点</View>
              <View className='cells' id='project-milestones'>
                {v.milestones.map((m) => (
                  <View className='cell' key={m.key} id={`milestone-${m.key}`}>
                    <View className='cell-bd'>
                      <View className='cell-title'>{m.name}</View>
                      <View className='cell-sub'>
                        计划 {m.planned ?? '未定'}
                        {m.actual ? ` · 实际 ${m.actual}` : ''}
                      </View>
                    </View>
                    <View className='cell-ft'>
                      <MilestoneTag m={m} id={`milestone-${m.key}-state`} />
                    </View>
                  </View>
                ))}
              </View>
              {v.mayReach && next && (
                <View id='project-reach'>
                  <View className='cells-title'>填报「{next.name}」完成情况</View>
                  <View className='cells'>
                    <Picker mode='date' value={reachOn} end={today} onChange={(e) => setReachOn(String(e.detail.value))}>
                      <View className='cell cell-access' id='reach-date'>
                        <View className='cell-bd'>实际完成日期</View>
                        <View className='cell-ft' id='reach-date-value'>
                          {reachOn}
                        </View>
                      </View>
                    </Picker>
                    <View className='cell' style={{ display: 'block' }}>
                      <Textarea
                        id='reach-note'
                        className='textarea textarea-small'
                        value={note}
                        maxlength={PROJECTS.noteMax}
                        placeholder='说明（选填）：完成情况、相关批文'
                        onInput={(e) => setNote(e.detail.value)}
                      />
                    </View>
                  </View>
                  <FieldError id='reach-error' text={errors.actual ?? errors.key ?? errors.form} />
                  <View className='btn-area'>
                    <Button className='btn btn-primary' id='reach-submit' disabled={busy} onClick={() => void reach()}>
                      确认已完成
                    </Button>
                    <View className='tips'>实际完成日期填报后只能由组织员说明理由更正；按计划日期完成的节点计入认领人的档案。</View>
                  </View>
                </View>
              )}
              {v.mayPlan && <CorrectMilestone v={v} today={today} onSaved={page.setData} />}
              {v.mayPlan && (
                <View className='btn-area'>
                  <Button className='btn btn-default' id='plan-edit' onClick={() => setPlan(rowsOf(v))}>
                    调整节点计划
                  </Button>
                </View>
              )}
            </>
          ) : (
            <View id='project-plan'>
              <View className='cells-title'>节点计划（签约、投产为固定节点；已完成的节点不能改动）</View>
              <View className='cells'>
                {plan.map((row, i) => (
                  <View className='cell' key={row.key ?? `new-${i}`} id={`plan-row-${i}`}>
                    <View className='cell-bd'>
                      <Input
                        id={`plan-name-${i}`}
                        className='input'
                        value={row.name}
                        disabled={row.fixed}
                        maxlength={PROJECTS.milestoneNameMax}
                        onInput={(e) => setRow(i, { name: e.detail.value })}
                      />
                    </View>
                    {row.fixed ? (
                      <View className='cell-ft'>{row.planned ?? '未定'}</View>
                    ) : (
                      <Picker mode='date' value={row.planned ?? today} onChange={(e) => setRow(i, { planned: String(e.detail.value) })}>
                        <View className='cell-ft link' id={`plan-date-${i}`}>
                          {row.planned ?? '选择日期'}
                        </View>
                      </Picker>
                    )}
                    {!row.fixed && i > 0 && i < plan.length - 1 && (
                      <Text className='link link-red' id={`plan-remove-${i}`} onClick={() => setPlan(plan.filter((_, j) => j !== i))}>
                        　删除
                      </Text>
                    )}
                  </View>
                ))}
              </View>
              {plan.length < PROJECTS.milestonesMax && (
                <View
                  className='cell cell-link'
                  id='plan-add'
                  onClick={() => setPlan([...plan.slice(0, -1), { key: null, name: '', planned: null, fixed: false }, ...plan.slice(-1)])}
                >
                  添加节点（投产之前）
                </View>
              )}
              <FieldError id='plan-error' text={Object.values(errors)[0]} />
              <View className='btn-area'>
                <Button className='btn btn-primary' id='plan-save' disabled={busy} onClick={() => void savePlan()}>
                  保存计划
                </Button>
                <Button className='btn btn-default' id='plan-cancel' onClick={() => setPlan(null)}>
                  取消
                </Button>
              </View>
            </View>
          )}

          <View className='cells-title'>认领人（{v.owners.length}）</View>
          <View className='cells' id='project-owners'>
            {v.owners.length === 0 && <View className='empty'>尚无人认领</View>}
            {v.owners.map((o) => (
              <View className='cell' key={o.memberId}>
                <View className='cell-bd'>{o.name}</View>
                <View className='cell-ft'>
                  {o.sectionName ?? ''} · {o.since} 起
                </View>
              </View>
            ))}
          </View>
          <ProjectActions v={v} isAdmin={isAdmin} onClaim={() => void claim()} onSaved={page.setData} />

          {v.log.length > 0 && (
            <>
              <View className='cells-title'>记录</View>
              <View className='cells' id='project-log'>
                {v.log.map((l, i) => (
                  <View className='cell' key={i}>
                    <View className='cell-bd'>
                      <View className='cell-sub'>
                        {parkTimeText(l.at)} · {l.byName}
                      </View>
                      <View>{l.text}</View>
                    </View>
                  </View>
                ))}
              </View>
            </>
          )}
        </>
      )}
    </View>
  );
}
