import { Button, Picker, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ProjectView } from '../../../../shared/projects/contract';
import { call } from '../../common/call';
import { SwitchCell, TextareaCell } from '../../common/cells';
import { FieldError, detailsOrForm } from '../../common/form';

/**
 * The admin corrects a reached milestone's actual date, or takes it back to not reached, saying why (更正节点日期):
 * the owners' credits follow in quarters still open, and the audit trail records it.
 */
export function CorrectMilestone({ v, today, onSaved }: { v: ProjectView; today: string; onSaved: (v: ProjectView) => void }) {
  const reached = v.milestones.filter((m) => m.actual !== null);
  const [open, setOpen] = useState(false);
  const [index, setIndex] = useState(Math.max(0, reached.length - 1));
  const m = reached[index] ?? reached[reached.length - 1];
  const [actual, setActual] = useState(m?.actual ?? today);
  const [undo, setUndo] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  if (!m) return null;
  if (!open) {
    return (
      <View className='btn-area'>
        <Button className='btn btn-default' id='correct-open' onClick={() => setOpen(true)}>
          更正节点实际完成日期
        </Button>
      </View>
    );
  }
  const save = async () => {
    if (busy) return;
    setBusy(true);
    const r = await call('projects', 'correct', { projectId: v.id, key: m.key, actual: undo ? null : actual, reason });
    setBusy(false);
    if (r.code === 0) {
      onSaved(r.data);
      setOpen(false);
      setReason('');
      setErrors({});
      void Taro.showToast({ title: '已更正', icon: 'success' });
    } else setErrors(detailsOrForm(r));
  };
  return (
    <View id='project-correct'>
      <View className='cells-title'>更正节点实际完成日期</View>
      <View className='cells'>
        <Picker
          mode='selector'
          range={reached.map((x) => `${x.name}（${x.actual ?? ''}）`)}
          value={index}
          onChange={(e) => {
            const i = Number(e.detail.value);
            setIndex(i);
            setActual(reached[i]?.actual ?? today);
          }}
        >
          <View className='cell cell-access' id='correct-milestone'>
            <View className='cell-bd'>节点</View>
            <View className='cell-ft'>{m.name}</View>
          </View>
        </Picker>
        <SwitchCell id='correct-undo' label='改为未完成' checked={undo} onChange={setUndo} />
        {!undo && (
          <Picker mode='date' value={actual} end={today} onChange={(e) => setActual(String(e.detail.value))}>
            <View className='cell cell-access' id='correct-date'>
              <View className='cell-bd'>更正为</View>
              <View className='cell-ft' id='correct-date-value'>
                {actual}
              </View>
            </View>
          </Picker>
        )}
        <TextareaCell id='correct-reason' value={reason} onChange={setReason} placeholder='更正理由（必填）：依据的文件、记录' maxlength={300} />
      </View>
      <FieldError id='correct-error' text={errors.actual ?? errors.reason ?? errors.key ?? errors.form} />
      <View className='btn-area'>
        <Button className='btn btn-primary' id='correct-submit' disabled={busy} onClick={() => void save()}>
          确认更正
        </Button>
        <View className='tips'>按期完成的节点计入认领人的档案：更正后，未关闭季度的计分随之调整，已关闭季度的计分不变。更正记入审计记录。</View>
      </View>
    </View>
  );
}
