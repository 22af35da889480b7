import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { MAX_DEDUCTION } from '../../../../shared/assessment/config';
import { verifyDraws } from '../../../../shared/assessment/draw';
import type { DrawsView } from '../../../../shared/assessment/contract';
import { parkTimeText, quarterLabel, quarterOf, shiftQuarter } from '../../../../shared/common/time';
import type { OutputOf } from '../../../../shared/contracts';
import { FormButtons, SegCell, SelectRow, TextCell, TextareaCell } from '../../common/cells';
import { FieldError, firstError } from '../../common/form';
import { usePageData } from '../../common/use-page-data';
import { useSubmit } from '../../common/use-submit';

type Draw = OutputOf<'assessment', 'draw'>;
type Pool = 'section' | 'member';
interface Target {
  type: Pool;
  id: string;
  name: string;
  drawId: string | null;
}

const POOL_LABELS: Record<Pool, string> = { section: '股室', member: '干部' };
const POOLS = (Object.keys(POOL_LABELS) as Pool[]).map((key) => ({ key, label: POOL_LABELS[key] }));

/** What a quarter's revealed seed proves: every draw redone from it, or why not. */
function DrawLog({ view }: { view: DrawsView }) {
  const check = view.seed ? verifyDraws({ periodId: view.periodId, seedHash: view.seedHash, seed: view.seed }, view.draws) : null;
  return (
    <View>
      <View className='tips' style={{ wordBreak: 'break-all' }} id={`spot-commitment-${view.periodId}`}>
        {quarterLabel(view.periodId)}抽取种子指纹（SHA-256）{view.seedHash.slice(0, 16)}…，{parkTimeText(view.committedAt)}公布；
        {view.seed ? `种子已公开：${view.seed}` : '季度结束后公开种子，任何人都可复算每一次抽取。'}
      </View>
      {check && (
        <View className={check.ok ? 'tips' : 'field-error'} id={`spot-verify-${view.periodId}`}>
          {check.ok ? `已用公开的种子复算全部 ${view.draws.length} 次抽取：结果一致 ✓` : `复算不一致：${check.problem}`}
        </View>
      )}
      {view.draws.length > 0 && (
        <View className='cells' id={`spot-log-${view.periodId}`}>
          {view.draws.map((d) => (
            <View className='cell' key={d.id}>
              <View className='cell-bd'>
                第{d.n}次 · {POOL_LABELS[d.pool]} {d.picked.length}/{d.candidates.length} · {d.picked.map((p) => p.name).join('、')}
              </View>
              <View className='cell-ft'>
                {d.byName} {parkTimeText(d.at)}
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

/** Last quarter's draws, checked against its revealed seed; nothing when it had none. */
function PastDraws({ periodId }: { periodId: string }) {
  const view = usePageData('assessment', 'draws', { periodId }).data;
  if (!view || view.draws.length === 0) return null;
  return (
    <View>
      <View className='cells-title'>上季度抽取</View>
      <DrawLog view={view} />
    </View>
  );
}

/**
 * 不定期抽查: draw targets at random — the quarter's n-th draw from a seed the cloud committed to (its fingerprint
 * shown) before any draw, revealed when the quarter closes so anyone can redo every draw — then record a check:
 * findings and a deduction, for a drawn target or for any section or cadre.
 */
export default function Spot() {
  const [pool, setPool] = useState<Pool>('member');
  const [count, setCount] = useState('3');
  const [draw, setDraw] = useState<Draw | null>(null);
  const drawing = useSubmit('assessment', 'draw', [pool, count]);

  // the quarter this page opened in (a page left open over midnight at quarter's end keeps its quarter)
  const [now] = useState(() => quarterOf(Date.now()));
  const log = usePageData('assessment', 'draws', { periodId: now });
  const sections = usePageData('park', 'sections', {}).data ?? [];
  const [staffSection, setStaffSection] = useState<string | undefined>(undefined);
  const staff = usePageData('dossier', 'sectionStaff', staffSection ? { sectionId: staffSection } : null).data?.staff ?? [];
  const [target, setTarget] = useState<Target | null>(null);
  const [findings, setFindings] = useState('');
  const [deduction, setDeduction] = useState('');
  const checking = useSubmit('assessment', 'spotCheck', [target, findings, deduction]);
  const { errors } = checking;
  const [recorded, setRecorded] = useState<string[]>([]);

  const doDraw = () =>
    drawing.submit(
      { pool, count: Number(count) },
      (d) => {
        setDraw(d);
        setTarget(null);
        void log.reload();
      },
      { reword: (f) => (f.count ? { ...f, count: '抽取数量应为1到50的整数' } : f) },
    );

  const submit = () => {
    if (!target) {
      checking.setErrors({ targetId: '请选择抽查对象' });
      return;
    }
    const input = {
      targetType: target.type,
      targetId: target.id,
      findings,
      deduction: deduction.trim() === '' ? 0 : Number(deduction),
      drawId: target.drawId,
    };
    return checking.submit(
      input,
      () => {
        setRecorded((old) => [...old, `${target.name}：扣 ${input.deduction} 分 —— ${findings.trim()}`]);
        setFindings('');
        setDeduction('');
        setTarget(null);
        void Taro.showToast({ title: '已记录', icon: 'success' });
      },
      // a deduction typed as text, in the form's words
      { reword: (f) => (Number.isNaN(input.deduction) ? { ...f, deduction: `扣分应为0到${MAX_DEDUCTION}之间的数` } : f) },
    );
  };

  const pickFromDraw = (p: { id: string; name: string }) => draw && setTarget({ type: draw.pool, id: p.id, name: p.name, drawId: draw.id });
  const staffIdx = sections.findIndex((s) => s.id === staffSection);

  return (
    <View className='page' id='spot-page'>
      <View className='cells-title'>随机抽取</View>
      <View className='cells'>
        <SegCell idPrefix='spot-pool' label='范围' options={POOLS} value={pool} onChange={setPool} />
        <TextCell id='spot-count' label='数量' type='number' value={count} onChange={setCount} />
      </View>
      <FieldError id='spot-draw-error' text={drawing.errors.count ?? firstError(drawing.errors)} />
      <FormButtons
        id='spot-draw'
        text='随机抽取'
        look='default'
        busy={drawing.busy}
        busyText='正在抽取…'
        style={{ paddingTop: '24px' }}
        onClick={doDraw}
      />
      {draw && (
        <View>
          <View className='tips' id='spot-drawn'>
            本季度第 {draw.n} 次抽取（从 {draw.candidates.length} 个{POOL_LABELS[draw.pool]}中抽 {draw.picked.length} 个，每次抽取都留有记录）
          </View>
          <View className='cells' id='spot-picked'>
            {draw.picked.map((p) => (
              <View className='cell' hoverClass='cell-hover' key={p.id} id={`spot-pick-${p.id}`} onClick={() => pickFromDraw(p)}>
                <View className='cell-bd'>
                  {POOL_LABELS[draw.pool]} · {p.name}
                </View>
                {target?.id === p.id && target.drawId === draw.id ? <Text className='check'>✓</Text> : <Text className='cell-ft'>抽查</Text>}
              </View>
            ))}
          </View>
        </View>
      )}

      {log.data && <DrawLog view={log.data} />}

      <View className='cells-title'>记录抽查</View>
      <View className='cells'>
        <View className='cell' id='spot-target'>
          <View className='cell-bd'>抽查对象</View>
          <View className='cell-ft' id='spot-target-name'>
            {target ? `${POOL_LABELS[target.type]} · ${target.name}${target.drawId ? '（随机抽取）' : ''}` : '从上方抽取名单或下方选择'}
          </View>
        </View>
        <SelectRow
          id='spot-any-section'
          label='选择任一股室'
          options={sections.map((s) => s.name)}
          index={0}
          onChange={(i) => {
            const s = sections[i];
            if (s) setTarget({ type: 'section', id: s.id, name: s.name, drawId: null });
          }}
        />
        <SelectRow
          id='spot-any-member'
          label='选择任一干部（先选股室）'
          options={sections.map((s) => s.name)}
          index={staffIdx}
          shown={sections[staffIdx]?.name ?? ''}
          onChange={(i) => setStaffSection(sections[i]?.id)}
        />
        {staffSection &&
          staff.map((p) => (
            <View
              className='cell'
              hoverClass='cell-hover'
              key={p.memberId}
              id={`spot-member-${p.memberId}`}
              onClick={() => setTarget({ type: 'member', id: p.memberId, name: p.name, drawId: null })}
            >
              <View className='cell-bd'>{p.name}</View>
              {target?.id === p.memberId && <Text className='check'>✓</Text>}
            </View>
          ))}
      </View>
      <FieldError id='spot-error-target' text={errors.targetId ?? errors.targetType} />
      <View className='cells' style={{ marginTop: '16px' }}>
        <TextareaCell id='spot-findings' value={findings} maxlength={500} placeholder='抽查发现（至少4个字）' onChange={setFindings} />
        <TextCell id='spot-deduction' label='扣分' type='digit' value={deduction} placeholder={`0–${MAX_DEDUCTION}`} onChange={setDeduction} />
      </View>
      <FieldError id='spot-error-findings' text={errors.findings} />
      <FieldError id='spot-error-deduction' text={errors.deduction} />
      <FieldError id='spot-error-form' text={errors.form ?? errors.drawId} />
      <FormButtons id='spot-submit' text='记录抽查' busy={checking.busy} busyText='正在提交…' onClick={submit} />
      <PastDraws periodId={shiftQuarter(now, -1)} />
      {recorded.length > 0 && (
        <View>
          <View className='cells-title'>本次已记录</View>
          <View className='cells' id='spot-recorded'>
            {recorded.map((x, i) => (
              <View className='cell' key={i}>
                <View className='cell-bd'>{x}</View>
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  );
}
