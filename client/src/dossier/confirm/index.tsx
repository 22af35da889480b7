import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { VISITS } from '../../../../shared/dossier/config';
import { CONFIRMATION_LABELS } from '../../../../shared/dossier/contract';
import { FormButtons, TextCell, TextareaCell } from '../../common/cells';
import { FieldError, firstError } from '../../common/form';
import { codeFromParams } from '../../common/scene';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { useSubmit } from '../../common/use-submit';

/**
 * The visited enterprise's contact, having scanned the cadre's code (scene `v=<code>`) or typed it: who visited,
 * when and about what; 确认属实, or 不属实 with why. Answered once.
 */
export default function ConfirmVisit() {
  const { params } = useRouter();
  const [typed, setTyped] = useState('');
  const [code, setCode] = useState(() => codeFromParams(params, 'v'));
  const page = usePageData('dossier', 'visit', code ? { code } : null);
  const [denying, setDenying] = useState(false);
  const [note, setNote] = useState('');
  const form = useSubmit('dossier', 'confirmVisit', [denying, note]);
  const { errors } = form;
  const v = page.data;

  const answer = (confirm: boolean) =>
    form.submit({ code, confirm, note: confirm ? '' : note }, (visit) => {
      page.setData(visit);
      void Taro.showToast({ title: confirm ? '已确认' : '已提交', icon: 'success' });
    });

  const scan = async () => {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true });
      // a mini-program code scanned in the app gives its path with the scene
      const scene = /scene=([^&]+)/.exec(r.path ?? r.result ?? '')?.[1];
      setCode(codeFromParams({ scene, code: scene ? undefined : r.result }, 'v'));
    } catch {
      // cancelled
    }
  };

  if (!code) {
    return (
      <View className='page' id='confirm-page'>
        <View className='page-hd'>
          <View className='page-title'>确认干部走访</View>
          <View className='page-desc'>扫描走访干部手机上的小程序码，或输入码下方的12位确认码。</View>
        </View>
        <View className='cells'>
          <TextCell id='confirm-code' inputClass='input-code' value={typed} maxlength={12} placeholder='12位确认码' onChange={setTyped} />
        </View>
        <View className='btn-area'>
          <Button className='btn btn-primary' id='confirm-open' onClick={() => setCode(codeFromParams({ code: typed }, 'v'))}>
            查看走访
          </Button>
          {process.env.TARO_ENV === 'weapp' && (
            <Button className='btn btn-default' id='confirm-scan' onClick={() => void scan()}>
              扫码
            </Button>
          )}
        </View>
      </View>
    );
  }

  return (
    <View className='page' id='confirm-page'>
      <LoadStatus page={page} />
      {v && (
        <>
          <View className='page-hd'>
            <View className='page-title'>{v.enterpriseName}</View>
            <View className='page-desc'>请确认以下走访是否属实</View>
          </View>
          <View className='cells' id='confirm-visit'>
            <View className='cell'>
              <View className='cell-bd'>走访干部</View>
              <View className='cell-ft' id='confirm-cadre'>
                {v.cadreName}
                {v.sectionName ? ` · ${v.sectionName}` : ''}
              </View>
            </View>
            <View className='cell'>
              <View className='cell-bd'>走访日期</View>
              <View className='cell-ft'>{v.date}</View>
            </View>
            <View className='cell' style={{ display: 'block' }}>
              <View className='cell-sub'>走访情况</View>
              <View>{v.note}</View>
            </View>
          </View>
          {v.confirmation !== 'pending' ? (
            <View className='result-ok' id='confirm-done'>
              {CONFIRMATION_LABELS[v.confirmation]}，感谢您的反馈
            </View>
          ) : (
            <>
              {denying && (
                <View className='cells'>
                  <TextareaCell
                    id='confirm-note'
                    value={note}
                    maxlength={VISITS.noteMax}
                    placeholder='请说明哪里不属实（如当天无人来访、内容不符）'
                    onChange={setNote}
                  />
                </View>
              )}
              <FieldError id='confirm-error' text={errors.note ?? firstError(errors)} />
              {!denying ? (
                <FormButtons id='confirm-yes' text='确认属实' busy={form.busy} onClick={() => answer(true)}>
                  <Button className='btn btn-default' id='confirm-no' onClick={() => setDenying(true)}>
                    不属实
                  </Button>
                </FormButtons>
              ) : (
                <FormButtons id='confirm-deny' text='提交：走访不属实' look='warn' busy={form.busy} onClick={() => answer(false)} />
              )}
            </>
          )}
        </>
      )}
    </View>
  );
}
