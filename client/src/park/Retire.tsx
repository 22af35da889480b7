import Taro from '@tarojs/taro';
import { ReasonForm } from '../common/cells';
import { firstError } from '../common/form';
import { useSubmit } from '../common/use-submit';

/**
 * 撤销 or 停用 a record of the directory (a section, an enterprise), or 恢复 a retired one, with a reason: the same
 * action shape for both (`{ id, reason, restore }`); the server says why not (who is still in a section). `verb`:
 * what retiring is called; `what`: the record's kind; `example`: a reason to retire one; `note`: what retiring keeps.
 */
export function Retire(p: {
  id: string;
  action: 'retireSection' | 'retireEnterprise';
  record: { id: string; active: boolean };
  verb: string;
  what: string;
  example: string;
  note: string;
  onDone: () => void;
}) {
  const form = useSubmit('park', p.action, [p.record.id]);
  const retiring = p.record.active;
  const verb = retiring ? p.verb : '恢复';

  const retire = (reason: string) =>
    form.submit({ id: p.record.id, reason, restore: !retiring }, () => {
      void Taro.showToast({ title: `已${verb}`, icon: 'success' });
      p.onDone();
    });

  return (
    <ReasonForm
      id={p.id}
      title={`${verb}${p.what}`}
      placeholder={retiring ? `${verb}原因（必填），如 ${p.example}` : '恢复原因（必填）'}
      button={`${verb}${p.what}`}
      warn={retiring}
      busy={form.busy}
      error={firstError(form.errors)}
      note={retiring ? p.note : undefined}
      onSubmit={(reason) => void retire(reason)}
    />
  );
}
