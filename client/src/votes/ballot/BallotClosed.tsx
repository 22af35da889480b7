import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { PAGES } from '../../common/pages';

/**
 * Nothing to fill in: this voter has voted, or the campaign is over. `unconfirmed`: the receipt this phone sent
 * a ballot under without hearing back — after the close the receipt check tells whether it was counted.
 */
export function BallotClosed({ title, voted, unconfirmed }: { title: string; voted: boolean; unconfirmed: string | null }) {
  return (
    <View className='page' id='ballot-page'>
      <View className='page-hd'>
        <View className='page-title'>{title}</View>
      </View>
      <View className='cells'>
        <View className='cell' id={voted ? 'ballot-voted' : 'ballot-closed'}>
          <View className='cell-bd'>{voted ? '您已完成本次测评' : '测评已结束，不能再投票'}</View>
        </View>
      </View>
      {unconfirmed && (
        <View className='tips' id='ballot-unconfirmed'>
          本机提交时生成的回执码：{unconfirmed}。提交后未收到确认；测评结束后可在“核对回执”中查询它是否已计入。
        </View>
      )}
      <View className='btn-area'>
        <Button className='btn btn-default' onClick={() => void Taro.reLaunch({ url: PAGES.votes.list })}>
          返回测评列表
        </Button>
      </View>
    </View>
  );
}
