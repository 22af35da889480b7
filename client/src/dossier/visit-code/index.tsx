import { Button, Image, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { parkTimeText } from '../../../../shared/common/time';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

/**
 * Right after recording a visit (or from the dossier, while it waits): the one-time mini-program code the visited
 * enterprise's contact scans with WeChat to confirm the visit. 刷新 shows whether they have answered.
 */
export default function VisitCode() {
  const { params } = useRouter();
  const reportId = params.reportId ?? '';
  const page = usePageData('dossier', 'visitCode', reportId ? { reportId } : null, { onShow: true });
  const v = page.data;
  const answered = page.error?.code === 'CONFLICT';
  return (
    <View className='page' id='visit-code-page'>
      <View className='page-hd'>
        <View className='page-title'>请企业确认本次走访</View>
        <View className='page-desc'>请受访企业的联系人用微信扫描下方小程序码，确认走访情况。</View>
      </View>
      {answered ? (
        <View className='result-ok' id='visit-code-answered'>
          {page.error?.message}
        </View>
      ) : (
        <LoadStatus page={page} />
      )}
      {v && !answered && (
        <View className='card' id='visit-code-card' style={{ textAlign: 'center' }}>
          {v.qrUrl && <Image className='qr qr-big' src={v.qrUrl} mode='scaleToFill' id='visit-code-qr' />}
          <View className='receipt-code mono' id='visit-code-text'>
            {v.code}
          </View>
          <View className='tips'>确认码仅可使用一次，{parkTimeText(v.expiresAt)} 前有效</View>
        </View>
      )}
      <View className='btn-area'>
        <Button className='btn btn-default' id='visit-code-refresh' onClick={() => void page.reload()}>
          刷新确认状态
        </Button>
      </View>
    </View>
  );
}
