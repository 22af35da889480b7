import { PrivacySheet } from '../../common/PrivacySheet';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { PAGES } from '../../common/pages';

/** Submitted: the receipt code, to keep for checking once the results are out. */
export function BallotDone({ receipt, void: isVoid = false }: { receipt: string; void?: boolean }) {
  return (
    <View className='page' id='ballot-page'>
      <View className='page-hd' style={{ textAlign: 'center' }}>
        <View className='page-title'>提交成功</View>
        <View className='page-desc'>您的选票已匿名保存</View>
        {isVoid && (
          <View className='page-desc' id='ballot-done-void'>
            按测评规则，这张评价完全相同的选票为废票，不计入结果
          </View>
        )}
      </View>
      <View className='cells' style={{ padding: '24px 0' }}>
        <View className='small' style={{ textAlign: 'center' }}>
          回执码
        </View>
        <View className='receipt-code' id='ballot-receipt'>
          {receipt}
        </View>
        <View className='tips' style={{ textAlign: 'center' }}>
          请保存回执码，结果公布后可核对
        </View>
      </View>
      <PrivacySheet />
      <View className='btn-area'>
        <Button id='ballot-copy' className='btn btn-primary' onClick={() => void Taro.setClipboardData({ data: receipt })}>
          复制回执码
        </Button>
        <View style={{ height: '12px' }} />
        <Button id='ballot-back' className='btn btn-default' onClick={() => void Taro.reLaunch({ url: PAGES.votes.list })}>
          返回测评列表
        </Button>
      </View>
    </View>
  );
}
