import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ProjectView } from '../../../../shared/projects/contract';
import { TextareaCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { useSubmit } from '../../common/use-submit';

/**
 * The admin stops a project (终止项目: the enterprise withdrew, the project was merged) or restores it, saying why:
 * nothing is deleted, the milestones reached keep their credits, those not reached stop counting.
 */
export function StopProject({ v, onSaved }: { v: ProjectView; onSaved: (v: ProjectView) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const restore = v.stopped;
  const form = useSubmit('projects', 'retire', [reason]);
  const verb = restore ? '恢复项目' : '终止项目';
  if (!open) {
    return (
      <View className='btn-area'>
        <Button className='btn btn-default' id='stop-open' onClick={() => setOpen(true)}>
          {verb}
        </Button>
      </View>
    );
  }
  const ask = async () =>
    (
      await Taro.showModal({
        title: `确定${verb}？`,
        content: restore
          ? '恢复后，未完成节点的计划重新计算（可能显示滞后）。'
          : '终止后，未完成的节点不再计算滞后，也不能再认领和填报；已完成节点的计分不变。',
      })
    ).confirm;
  const save = () =>
    void form.submit(
      { projectId: v.id, reason, restore },
      (saved) => {
        onSaved(saved);
        setOpen(false);
        setReason('');
        void Taro.showToast({ title: restore ? '已恢复' : '已终止', icon: 'success' });
      },
      ask,
    );
  return (
    <View id='project-stop'>
      <View className='cells-title'>{verb}</View>
      <View className='cells'>
        <TextareaCell
          id='stop-reason'
          value={reason}
          onChange={setReason}
          placeholder={restore ? '恢复理由（必填）' : '终止理由（必填）：如企业撤回投资、项目合并'}
          maxlength={300}
        />
      </View>
      <FieldError id='stop-error' text={form.errors.reason ?? form.errors.form} />
      <View className='btn-area'>
        <Button className={`btn ${restore ? 'btn-primary' : 'btn-warn'}`} id='stop-submit' disabled={form.busy} onClick={save}>
          确认{verb}
        </Button>
        <Button className='btn btn-default' id='stop-cancel' onClick={() => setOpen(false)}>
          取消
        </Button>
      </View>
    </View>
  );
}
