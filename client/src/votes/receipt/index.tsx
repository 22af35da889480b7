import '../../../../shared/common/zod-locale';
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, View } from '@tarojs/components';
import { contracts } from '../../../../shared/contracts';
import { call } from '../../common/call';
import { receiptKey } from '../lib';

/** The code as typed: uppercase, grouped 4-4-4 with dashes. */
function format(s: string): string {
  const raw = s
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 12);
  return raw.match(/.{1,4}/g)?.join('-') ?? '';
}

function saved(campaignId: string): string {
  try {
    const v: unknown = Taro.getStorageSync(receiptKey(campaignId));
    return typeof v === 'string' ? v : '';
  } catch {
    return '';
  }
}

/** Anyone on the roll, after close: is my receipt among the counted ballots? */
export default function ReceiptPage() {
  const { params } = useRouter();
  const campaignId = params.campaignId ? decodeURIComponent(params.campaignId) : '';
  const [code, setCode] = useState(() => saved(campaignId));
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    if (busy) return;
    const input = { campaignId, receipt: code };
    const parsed = contracts.votes.checkReceipt.input.safeParse(input);
    if (!parsed.success) {
      setResult({ ok: false, text: parsed.error.issues[0]?.message ?? '回执码格式应为 XXXX-XXXX-XXXX' });
      return;
    }
    setBusy(true);
    const r = await call('votes', 'checkReceipt', parsed.data);
    setBusy(false);
    if (r.code === 0) setResult({ ok: true, text: `您的选票已计入（共 ${r.data.receipts} 张）` });
    else setResult({ ok: false, text: r.message });
  };

  return (
    <View className='page' id='receipt-page'>
      <View className='page-hd'>
        <View className='page-title'>核对回执</View>
        <View className='page-desc'>输入提交测评时得到的回执码，确认您的选票已计入结果。</View>
      </View>
      <View className='cells'>
        <View className='cell'>
          <Input
            id='receipt-input'
            className='input input-code receipt-input'
            value={code}
            maxlength={14}
            placeholder='XXXX-XXXX-XXXX'
            onInput={(e) => {
              const v = format(e.detail.value);
              setCode(v);
              setResult(null);
              return v;
            }}
          />
        </View>
      </View>
      {result && (
        <View className={result.ok ? 'result-ok' : 'field-error'} id='receipt-result'>
          {result.text}
        </View>
      )}
      <View className='btn-area'>
        <Button id='receipt-check' className={`btn btn-primary${busy ? ' btn-disabled' : ''}`} disabled={busy} onClick={() => void check()}>
          核对
        </Button>
      </View>
      <View className='tips'>回执码只能证明选票已计入，不能查看选票内容，也不会显示投票人。</View>
    </View>
  );
}
